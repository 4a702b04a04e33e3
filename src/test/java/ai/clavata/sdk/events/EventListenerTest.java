package ai.clavata.sdk.events;

import static ai.clavata.sdk.TestResponses.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.MockServerTest;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.TestRequests;
import ai.clavata.sdk.TestResponses;
import ai.clavata.sdk.batch.BatchInput;
import ai.clavata.sdk.batch.BatchInputRow;
import ai.clavata.sdk.errors.RateLimitException;
import ai.clavata.sdk.errors.ServerException;
import ai.clavata.sdk.errors.StreamInterruptedException;
import ai.clavata.sdk.model.BatchJobCreated;
import ai.clavata.sdk.model.JobStatus;
import ai.clavata.sdk.model.PollOptions;
import ai.clavata.sdk.stream.EvaluationStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The listener hears every call, attempt, retry, stream end and poll, in order. */
class EventListenerTest extends MockServerTest {
  private final RecordingListener heard = new RecordingListener();

  @BeforeEach
  @Override
  protected void openClient() {
    client = TestClients.builder(server, timing).eventListener(heard).build();
  }

  private static MockResponse job(String status) {
    return new MockResponse.Builder()
        .setHeader("x-request-id", "req-" + status)
        .body("{\"job\":{\"jobUuid\":\"j1\",\"status\":\"" + status + "\"}}")
        .build();
  }

  @Test
  void aSuccessfulCall() {
    server.enqueue(job("JOB_STATUS_COMPLETED"));
    client.jobs().create(TestRequests.createJob());

    assertThat(heard.kinds()).containsExactly("CallStarted", "AttemptFinished", "CallFinished");
    ApiCall call = heard.of(CallStarted.class).get(0).call();
    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.path()).isEqualTo("/v1/jobs");
    AttemptFinished attempt = heard.of(AttemptFinished.class).get(0);
    assertThat(attempt.call()).isEqualTo(call);
    assertThat(attempt.attempt()).isEqualTo(1);
    assertThat(attempt.statusCode()).isEqualTo(200);
    assertThat(attempt.failure()).isNull();
    assertThat(attempt.requestId()).isEqualTo("req-JOB_STATUS_COMPLETED");
    CallFinished finished = heard.of(CallFinished.class).get(0);
    assertThat(finished.attempts()).isEqualTo(1);
    assertThat(finished.isSuccessful()).isTrue();
  }

  @Test
  void durationsAreMeasuredOnTheRealClock() {
    server.enqueue(
        job("JOB_STATUS_RUNNING").newBuilder().headersDelay(100, TimeUnit.MILLISECONDS).build());
    try (ClavataClient real =
        ClavataClient.builder()
            .apiKey(TestClients.API_KEY)
            .baseUrl(server.url("/").toString())
            .eventListener(heard)
            .build()) {
      real.jobs().get("j1");
    }
    Duration attempt = heard.of(AttemptFinished.class).get(0).duration();
    Duration call = heard.of(CallFinished.class).get(0).duration();
    assertThat(attempt).isBetween(Duration.ofMillis(100), Duration.ofSeconds(10));
    assertThat(call).isGreaterThanOrEqualTo(attempt).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aRetryThenSuccess() {
    server.enqueue(TestResponses.unavailable("1"));
    server.enqueue(job("JOB_STATUS_RUNNING"));
    client.jobs().get("j1");

    assertThat(heard.kinds())
        .containsExactly(
            "CallStarted", "AttemptFinished", "RetryScheduled", "AttemptFinished", "CallFinished");
    RetryScheduled retry = heard.of(RetryScheduled.class).get(0);
    assertThat(retry.attempt()).isEqualTo(1);
    assertThat(retry.reason()).isEqualTo("HTTP 503");
    assertThat(retry.delay()).isEqualTo(Duration.ofSeconds(1));
    assertThat(heard.of(AttemptFinished.class))
        .extracting(AttemptFinished::attempt, AttemptFinished::statusCode)
        .containsExactly(tuple(1, 503), tuple(2, 200));
    assertThat(heard.of(CallFinished.class).get(0).attempts()).isEqualTo(2);
  }

  @Test
  void exhaustionEndsTheCallAndTheExceptionCarriesTheEarlierFailures() {
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .setHeader("Retry-After", "1")
            .body("{\"code\":8,\"message\":\"slow down\"}")
            .build());
    server.enqueue(TestResponses.unavailable("1"));
    server.enqueue(TestResponses.unavailable("1"));

    ServerException thrown =
        catchThrowableOfType(ServerException.class, () -> client.jobs().get("j1"));

    assertThat(heard.kinds())
        .containsExactly(
            "CallStarted",
            "AttemptFinished",
            "RetryScheduled",
            "AttemptFinished",
            "RetryScheduled",
            "AttemptFinished",
            "CallFinished");
    CallFinished finished = heard.of(CallFinished.class).get(0);
    assertThat(finished.attempts()).isEqualTo(3);
    assertThat(finished.statusCode()).isEqualTo(503);
    assertThat(finished.isSuccessful()).isFalse();
    assertThat(thrown.getSuppressed()).hasSize(2);
    assertThat(thrown.getSuppressed()[0]).isInstanceOf(RateLimitException.class);
    assertThat(thrown.getSuppressed()[1]).isInstanceOf(ServerException.class);
  }

  @Test
  void anAsyncCallKeepsTheEarlierFailuresAcrossItsDeferredRuns() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(
          TestResponses.unavailable("1").newBuilder().setHeader("Retry-After", "0").build());
    }
    Throwable thrown =
        catchThrowable(() -> client.async().jobs().get("j1").get(10, TimeUnit.SECONDS));
    assertThat(thrown).hasCauseInstanceOf(ServerException.class);
    assertThat(thrown.getCause().getSuppressed())
        .hasSize(2)
        .allSatisfy(earlier -> assertThat(earlier).isInstanceOf(ServerException.class));
    assertThat(heard.of(CallStarted.class)).hasSize(1);
    assertThat(heard.of(CallFinished.class))
        .singleElement()
        .satisfies(f -> assertThat(f.attempts()).isEqualTo(3));
  }

  @Test
  void aStorageCallIsRoutedAsStorageWithoutItsQuery() throws Exception {
    try (MockWebServer storage = new MockWebServer()) {
      storage.start();
      storage.enqueue(new MockResponse.Builder().code(200).build());
      String url = storage.url("/in/bj-1.csv?X-Amz-Signature=s3cr3t").toString();
      client
          .batch()
          .upload(
              new BatchJobCreated("bj-1", "n", null, url),
              BatchInput.of(List.of(BatchInputRow.text("r1", "hi"))));
    }
    ApiCall call = heard.of(CallStarted.class).get(0).call();
    assertThat(call.route()).isEqualTo("storage");
    assertThat(call.path()).isEqualTo("/in/bj-1.csv");
    assertThat(call.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void routesHideIds() {
    server.enqueue(job("JOB_STATUS_RUNNING"));
    client.jobs().get("4f1c-uuid");
    assertThat(heard.of(CallStarted.class).get(0).call().route()).isEqualTo("/v1/jobs/{id}");
  }

  @Test
  void aStreamThatCompletes() {
    server.enqueue(ok(TestResponses.resultLine(1) + TestResponses.resultLine(0)));
    try (EvaluationStream results = client.stream().evaluate(TestRequests.twoItems())) {
      assertThat(results.toList()).hasSize(2);
    }
    StreamFinished finished = heard.of(StreamFinished.class).get(0);
    assertThat(finished.ending()).isEqualTo(StreamFinished.Ending.COMPLETED);
    assertThat(finished.inputs()).isEqualTo(2);
    assertThat(finished.results()).isEqualTo(2);
    assertThat(finished.failure()).isNull();
    assertThat(heard.kinds()).endsWith("CallFinished", "StreamFinished");
  }

  @Test
  void aStreamThatIsInterrupted() {
    server.enqueue(
        ok(TestResponses.resultLine(0) + "{\"error\":{\"code\":13,\"message\":\"boom\"}}\n"));
    assertThatThrownBy(() -> client.stream().evaluate(TestRequests.twoItems()).toList())
        .isInstanceOf(StreamInterruptedException.class);
    StreamFinished finished = heard.of(StreamFinished.class).get(0);
    assertThat(finished.ending()).isEqualTo(StreamFinished.Ending.INTERRUPTED);
    assertThat(finished.results()).isEqualTo(1);
    assertThat(finished.failure()).isInstanceOf(StreamInterruptedException.class);
  }

  @Test
  void aStreamClosedEarly() {
    server.enqueue(ok(TestResponses.resultLine(0) + TestResponses.resultLine(1)));
    try (EvaluationStream results = client.stream().evaluate(TestRequests.twoItems())) {
      results.iterator().next();
    }
    StreamFinished finished = heard.of(StreamFinished.class).get(0);
    assertThat(finished.ending()).isEqualTo(StreamFinished.Ending.CLOSED_EARLY);
    assertThat(finished.results()).isEqualTo(1);
    assertThat(heard.of(StreamFinished.class)).hasSize(1);
  }

  @Test
  void pollsWhileAwaiting() {
    server.enqueue(job("JOB_STATUS_RUNNING"));
    server.enqueue(job("JOB_STATUS_COMPLETED"));
    client.jobs().awaitCompletion("j1", PollOptions.forJobs());

    assertThat(heard.of(JobPolled.class))
        .extracting(
            JobPolled::kind, JobPolled::id, JobPolled::status, JobPolled::poll, JobPolled::done)
        .containsExactly(
            tuple("job", "j1", JobStatus.RUNNING.toString(), 1, false),
            tuple("job", "j1", JobStatus.COMPLETED.toString(), 2, true));
  }

  @Test
  void batchPollsAreHeardToo() {
    String queued =
        "{\"batchJobs\":[{\"batchJobId\":\"bj-1\",\"state\":\"BATCH_JOB_STATE_QUEUED\"}]}";
    String done =
        "{\"batchJobs\":[{\"batchJobId\":\"bj-1\",\"state\":\"BATCH_JOB_STATE_COMPLETED\","
            + "\"outputFileUrl\":\"https://s/out\"}]}";
    server.enqueue(ok(queued));
    server.enqueue(ok(done));
    client.batch().awaitCompletion("bj-1", PollOptions.forBatchJobs());

    assertThat(heard.of(JobPolled.class))
        .extracting(JobPolled::kind, JobPolled::id, JobPolled::poll, JobPolled::done)
        .containsExactly(tuple("batch job", "bj-1", 1, false), tuple("batch job", "bj-1", 2, true));
  }

  @Test
  void aListenerThatThrowsDoesNotBreakTheCall() {
    ClavataEventListener broken =
        new ClavataEventListener() {
          @Override
          public void callStarted(CallStarted event) {
            throw new IllegalStateException("metrics are down");
          }

          @Override
          public void callFinished(CallFinished event) {
            throw new IllegalStateException("metrics are still down");
          }
        };
    server.enqueue(job("JOB_STATUS_RUNNING"));
    try (ClavataClient withBroken =
        TestClients.builder(server, timing).eventListener(broken).build()) {
      assertThat(withBroken.jobs().get("j1").jobUuid()).isEqualTo("j1");
    }
  }

  @Test
  void anAsyncCallWithADeferredRetryIsOneCall() throws Exception {
    server.enqueue(TestResponses.unavailable("1"));
    server.enqueue(job("JOB_STATUS_RUNNING"));
    client.async().jobs().get("j1").get(10, TimeUnit.SECONDS);

    assertThat(heard.kinds())
        .containsExactly(
            "CallStarted", "AttemptFinished", "RetryScheduled", "AttemptFinished", "CallFinished");
    assertThat(heard.of(CallFinished.class).get(0).attempts()).isEqualTo(2);
    assertThat(heard.of(CallStarted.class).get(0).call())
        .isEqualTo(heard.of(CallFinished.class).get(0).call());
  }
}
