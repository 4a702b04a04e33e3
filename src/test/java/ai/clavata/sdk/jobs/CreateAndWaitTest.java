package ai.clavata.sdk.jobs;

import static ai.clavata.sdk.TestResponses.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.MockServerTest;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.errors.ClavataTimeoutException;
import ai.clavata.sdk.model.ApiResponse;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.Job;
import ai.clavata.sdk.model.JobStatus;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** A create with {@code waitForCompletion} that the server answers before the job finished. */
class CreateAndWaitTest extends MockServerTest {
  private static final CreateJobRequest WAITING =
      CreateJobRequest.builder()
          .policyId("p")
          .addContent(ContentData.text("x"))
          .waitForCompletion(true)
          .build();

  private static MockResponse job(String status) {
    String results =
        status.equals("JOB_STATUS_COMPLETED")
            ? ",\"results\":[{\"report\":{\"result\":\"OUTCOME_FALSE\"}}]"
            : "";
    return ok("{\"job\":{\"jobUuid\":\"j1\",\"status\":\"" + status + "\"" + results + "}}");
  }

  @Test
  void aPendingAnswerIsPolledUntilTheJobFinishes() throws Exception {
    server.enqueue(job("JOB_STATUS_PENDING"));
    server.enqueue(job("JOB_STATUS_RUNNING"));
    server.enqueue(job("JOB_STATUS_COMPLETED"));

    Job done = client.jobs().create(WAITING);

    assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(done.reports()).hasSize(1);
    assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/jobs/j1");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/jobs/j1");
    assertThat(timing.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(750));
  }

  @Test
  void aFinishedAnswerIsReturnedAtOnce() {
    server.enqueue(job("JOB_STATUS_COMPLETED"));
    assertThat(client.jobs().create(WAITING).reports()).hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void withoutWaitingThePendingJobIsTheAnswer() {
    server.enqueue(job("JOB_STATUS_PENDING"));
    CreateJobRequest noWait =
        CreateJobRequest.builder().policyId("p").addContent(ContentData.text("x")).build();
    assertThat(client.jobs().create(noWait).status()).isEqualTo(JobStatus.PENDING);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aJobThatNeverFinishesTimesOutWithinTheCallTimeout() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return job("JOB_STATUS_RUNNING");
          }
        });
    try (ClavataClient patient =
        TestClients.builder(server, timing).timeout(Duration.ofSeconds(3)).build()) {
      assertThatThrownBy(() -> patient.jobs().create(WAITING))
          .isInstanceOf(ClavataTimeoutException.class)
          .hasMessageContaining("job j1 is still RUNNING")
          .hasMessageContaining("although waitForCompletion was set")
          .hasMessageContaining("call awaitCompletion");
    }
    long slept = timing.sleeps().stream().mapToLong(Duration::toMillis).sum();
    assertThat(slept).isEqualTo(3000);
  }

  @Test
  void theRawViewReturnsTheFinishedJobWithTheCreatesHeaders() {
    server.enqueue(
        job("JOB_STATUS_PENDING").newBuilder().setHeader("x-request-id", "req-create").build());
    server.enqueue(job("JOB_STATUS_COMPLETED"));

    ApiResponse<Job> created = client.jobs().withRawResponse().create(WAITING);

    assertThat(created.value().status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(created.requestId()).hasValue("req-create");
  }

  @Test
  void theAsyncCreatePollsOnTheTimer() throws Exception {
    server.enqueue(job("JOB_STATUS_PENDING"));
    server.enqueue(job("JOB_STATUS_COMPLETED"));

    Job done = client.async().jobs().create(WAITING).get(10, TimeUnit.SECONDS);

    assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(timing.sleeps()).as("the wait was a timer, not a sleep").isEmpty();
  }

  @Test
  void theAsyncRawCreateWaitsToo() throws Exception {
    server.enqueue(job("JOB_STATUS_PENDING"));
    server.enqueue(job("JOB_STATUS_COMPLETED"));

    ApiResponse<Job> done =
        client.async().jobs().withRawResponse().create(WAITING).get(10, TimeUnit.SECONDS);

    assertThat(done.value().status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(done.statusCode()).isEqualTo(200);
  }
}
