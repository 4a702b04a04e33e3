package ai.clavata.sdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.batch.BatchInput;
import ai.clavata.sdk.batch.BatchInputRow;
import ai.clavata.sdk.batch.BatchResultRow;
import ai.clavata.sdk.batch.BatchResults;
import ai.clavata.sdk.errors.AuthenticationException;
import ai.clavata.sdk.errors.ContentRefusedException;
import ai.clavata.sdk.errors.NotFoundException;
import ai.clavata.sdk.errors.RateLimitException;
import ai.clavata.sdk.errors.StreamInterruptedException;
import ai.clavata.sdk.jobs.CreateJobRequest;
import ai.clavata.sdk.jobs.ListJobsRequest;
import ai.clavata.sdk.model.BatchJob;
import ai.clavata.sdk.model.BatchJobState;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.EvaluationResult;
import ai.clavata.sdk.model.Job;
import ai.clavata.sdk.model.JobStatus;
import ai.clavata.sdk.model.Outcome;
import ai.clavata.sdk.model.PolicyEvaluationReport;
import ai.clavata.sdk.model.PrecheckFailureType;
import ai.clavata.sdk.stream.EvaluateRequest;
import ai.clavata.sdk.stream.EvaluationStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeServerEndToEndTest {
  private FakeClavataServer server;
  private ClavataClient client;

  @BeforeEach
  void setUp() {
    server = FakeClavataServer.start();
    server.policy(
        "p",
        FakePolicy.keywords("Threats", "kill", "bomb"),
        FakePolicy.regex("Spam", "(?i)buy now"));
    client =
        ClavataClient.builder()
            .apiKey(server.apiKey())
            .baseUrl(server.baseUrl())
            .maxRetries(0)
            .build();
  }

  @AfterEach
  void tearDown() {
    client.close();
    server.close();
  }

  @Test
  void synchronousJobEvaluatesDeterministically() {
    Job job =
        client
            .jobs()
            .create(
                CreateJobRequest.builder()
                    .policyId("p")
                    .addContent(
                        ContentData.text("I will bomb the place").withMetadata("postId", "7"))
                    .waitForCompletion(true)
                    .build());
    assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
    PolicyEvaluationReport report = job.reports().get(0);
    assertThat(report.outcome()).isEqualTo(Outcome.TRUE);
    assertThat(report.matchedLabels()).containsOnlyKeys("Threats");
    assertThat(report.contentHash()).matches("fnv1a128::[0-9a-f]{32}");
    assertThat(report.contentMetadata()).containsEntry("postId", "7");
    assertThat(client.jobs().get(job.jobUuid()).jobUuid()).isEqualTo(job.jobUuid());
  }

  @Test
  void asynchronousJobCompletesWhenAwaited() {
    Job pending =
        client
            .jobs()
            .create(
                CreateJobRequest.builder()
                    .policyId("p")
                    .addContent(ContentData.text("hello"))
                    .build());
    assertThat(pending.status()).isEqualTo(JobStatus.PENDING);
    Job done = client.jobs().awaitCompletion(pending.jobUuid(), Duration.ofSeconds(5));
    assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(done.reports().get(0).outcome()).isEqualTo(Outcome.FALSE);
  }

  @Test
  void listsJobsAcrossPages() {
    for (int i = 0; i < 25; i++) {
      client
          .jobs()
          .create(
              CreateJobRequest.builder()
                  .policyId("p")
                  .addContent(ContentData.text("t" + i))
                  .waitForCompletion(true)
                  .build());
    }
    List<Job> all =
        client.jobs().listAll(ListJobsRequest.builder().pageSize(10).build()).stream().toList();
    assertThat(all).hasSize(25);
    assertThat(
            server.requests().stream()
                .filter(r -> r.path().equals("/v1/jobs") && r.method().equals("GET")))
        .hasSize(3);
  }

  @Test
  void streamsResultsInCompletionOrderWithInputIndexes() {
    EvaluateRequest request =
        EvaluateRequest.builder()
            .policyId("p")
            .addContent(ContentData.text("a much longer message that takes longer"))
            .addContent(ContentData.text("kill"))
            .build();
    try (EvaluationStream results = client.stream().evaluate(request)) {
      List<EvaluationResult> all = results.toList();
      assertThat(all).extracting(EvaluationResult::inputIndex).containsExactly(1, 0);
      assertThat(all.get(0).report().outcome()).isEqualTo(Outcome.TRUE);
    }
  }

  @Test
  void injectedStreamFailureInterruptsAfterK() {
    server.failStreamAfter(1, FakeFailure.rateLimited(Duration.ofSeconds(1)));
    EvaluateRequest request =
        EvaluateRequest.builder()
            .policyId("p")
            .addContent(ContentData.text("a"))
            .addContent(ContentData.text("bb"))
            .build();
    try (EvaluationStream results = client.stream().evaluate(request)) {
      assertThatThrownBy(results::toList)
          .isInstanceOfSatisfying(
              StreamInterruptedException.class,
              e -> {
                assertThat(e.getCause()).isInstanceOf(RateLimitException.class);
                assertThat(e.unansweredInputs()).containsExactly(1);
              });
    }
  }

  @Test
  void injectedRefusalAndRateLimit() {
    server.failNext(FakeEndpoint.STREAM, 1, FakeFailure.refused(PrecheckFailureType.NCMEC));
    assertThatThrownBy(() -> client.stream().evaluateOne("p", ContentData.text("x")))
        .isInstanceOfSatisfying(
            ContentRefusedException.class,
            e -> assertThat(e.failures().get(0).type()).isEqualTo(PrecheckFailureType.NCMEC));
    server.failNext(FakeEndpoint.GET_JOB, 1, FakeFailure.rateLimited(Duration.ofSeconds(2)));
    assertThatThrownBy(() -> client.jobs().get("x"))
        .isInstanceOfSatisfying(
            RateLimitException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(2)));
  }

  @Test
  void readmeExampleRetriesRateLimitsWithDefaultSettings() {
    try (ClavataClient defaults =
        ClavataClient.builder().apiKey(server.apiKey()).baseUrl(server.baseUrl()).build()) {
      server.failNext(FakeEndpoint.STREAM, 2, FakeFailure.rateLimited(Duration.ofMillis(100)));
      assertThat(defaults.stream().evaluateOne("p", ContentData.text("hello")).outcome())
          .isEqualTo(Outcome.FALSE);
      assertThat(server.requests()).hasSize(3);
    }
  }

  @Test
  void unknownPolicyAndWrongKey() {
    assertThatThrownBy(() -> client.stream().evaluateOne("nope", ContentData.text("x")))
        .isInstanceOf(NotFoundException.class);
    try (ClavataClient wrong =
        ClavataClient.builder().apiKey("wrong-key").baseUrl(server.baseUrl()).build()) {
      assertThatThrownBy(() -> wrong.jobs().get("x")).isInstanceOf(AuthenticationException.class);
    }
    assertThat(server.requests())
        .allSatisfy(r -> assertThat(r.headers().toString()).doesNotContain(server.apiKey()));
  }

  @Test
  void batchRunsEndToEnd() {
    List<BatchInputRow> rows =
        List.of(
            BatchInputRow.text("r1", "buy now, \"cheap\"\nsecond line"),
            BatchInputRow.text("r2", "hello"),
            BatchInputRow.imageUrl("r3", "https://example.com/bomb.png"));
    List<BatchJobState> seen = new ArrayList<>();
    BatchJob done =
        client
            .batch()
            .run(
                "nightly",
                "p",
                BatchInput.of(rows),
                FakeClavataServer.fastPolling(),
                job -> seen.add(job.state()));
    assertThat(seen).endsWith(BatchJobState.COMPLETED);
    try (BatchResults results = client.batch().results(done)) {
      List<BatchResultRow> all = results.stream().toList();
      assertThat(all).extracting(BatchResultRow::refId).containsExactly("r1", "r2", "r3");
      assertThat(all.get(0).content()).isEqualTo("buy now, \"cheap\"\nsecond line");
      assertThat(all.get(0).score("Spam")).hasValue(0.9);
      assertThat(all.get(2).score("Threats")).hasValue(0.9);
    }
    assertThat(server.requests())
        .filteredOn(r -> r.path().startsWith("/_storage/"))
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.header("Authorization")).isEmpty());
  }
}
