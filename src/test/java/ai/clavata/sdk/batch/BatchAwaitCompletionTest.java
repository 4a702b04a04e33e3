package ai.clavata.sdk.batch;

import static ai.clavata.sdk.TestResponses.ok;
import static ai.clavata.sdk.batch.BatchTestSupport.drain;
import static ai.clavata.sdk.batch.BatchTestSupport.job;
import static ai.clavata.sdk.batch.BatchTestSupport.jobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.MockServerTest;
import ai.clavata.sdk.errors.BatchJobFailedException;
import ai.clavata.sdk.errors.ClavataTimeoutException;
import ai.clavata.sdk.errors.NotFoundException;
import ai.clavata.sdk.model.BatchJob;
import ai.clavata.sdk.model.BatchJobState;
import ai.clavata.sdk.model.PollOptions;
import ai.clavata.sdk.model.ProgressListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Polling a batch job: backoff, the listener, terminal states and the timeout. */
class BatchAwaitCompletionTest extends MockServerTest {
  private final List<BatchJobState> heard = new ArrayList<>();
  private final ProgressListener<BatchJob> listener = job -> heard.add(job.state());

  private static final PollOptions OPTIONS =
      new PollOptions(Duration.ofSeconds(1), Duration.ofSeconds(5), 2.0, Duration.ofHours(1));

  private void enqueueStates(String... states) {
    for (String state : states) {
      String url = state.equals("COMPLETED") ? "https://storage.example/out.csv?sig=1" : null;
      server.enqueue(ok(jobs(job("bj-1", "BATCH_JOB_STATE_" + state, url))));
    }
  }

  @Test
  void reportsEachNewStateOnceInOrderAndReturnsTheCompletedJob() throws Exception {
    enqueueStates("INITIALIZED", "QUEUED", "QUEUED", "SUBMITTED", "COMPLETED");

    BatchJob done = client.batch().awaitCompletion("bj-1", OPTIONS, listener);

    assertThat(done.state()).isEqualTo(BatchJobState.COMPLETED);
    assertThat(done.batchJobId()).isEqualTo("bj-1");
    assertThat(done.outputFileUrl()).isEqualTo("https://storage.example/out.csv?sig=1");
    assertThat(heard)
        .containsExactly(
            BatchJobState.INITIALIZED,
            BatchJobState.QUEUED,
            BatchJobState.SUBMITTED,
            BatchJobState.COMPLETED);
    assertThat(timing.sleeps())
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(5));
    List<RecordedRequest> requests = drain(server);
    assertThat(requests).hasSize(5);
    for (RecordedRequest request : requests) {
      assertThat(request.getMethod()).isEqualTo("GET");
      assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/batch-jobs");
      assertThat(request.getUrl().queryParameterValues("batchJobIds")).containsExactly("bj-1");
    }
  }

  @Test
  void theListenerSeesTheJobAsPolled() {
    enqueueStates("QUEUED", "COMPLETED");
    List<BatchJob> seen = new ArrayList<>();

    client.batch().awaitCompletion("bj-1", OPTIONS, seen::add);

    assertThat(seen)
        .extracting(BatchJob::state)
        .containsExactly(BatchJobState.QUEUED, BatchJobState.COMPLETED);
    assertThat(seen.get(0).outputFileUrl()).isNull();
    assertThat(seen.get(1).outputFileUrl()).isNotNull();
  }

  @Test
  void intervalsStayAtTheMaximum() {
    enqueueStates("QUEUED", "QUEUED", "QUEUED", "QUEUED", "QUEUED", "QUEUED", "COMPLETED");

    client
        .batch()
        .awaitCompletion(
            "bj-1",
            new PollOptions(
                Duration.ofMillis(300), Duration.ofSeconds(1), 2.0, Duration.ofHours(1)),
            listener);

    assertThat(timing.sleeps())
        .containsExactly(
            Duration.ofMillis(300),
            Duration.ofMillis(600),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1));
    assertThat(heard).containsExactly(BatchJobState.QUEUED, BatchJobState.COMPLETED);
  }

  @Test
  void anAlreadyCompletedJobReturnsWithoutSleeping() {
    enqueueStates("COMPLETED");

    BatchJob done = client.batch().awaitCompletion("bj-1", OPTIONS);

    assertThat(done.state()).isEqualTo(BatchJobState.COMPLETED);
    assertThat(timing.sleeps()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ERROR", "CANCELLED"})
  void aFailedJobThrowsCarryingTheJob(String state) throws Exception {
    enqueueStates("QUEUED", "PREPROCESSING", state);

    assertThatThrownBy(() -> client.batch().awaitCompletion("bj-1", OPTIONS, listener))
        .isInstanceOfSatisfying(
            BatchJobFailedException.class,
            e -> {
              assertThat(e.job().batchJobId()).isEqualTo("bj-1");
              assertThat(e.job().state()).isEqualTo(BatchJobState.valueOf(state));
              assertThat(e.getMessage()).contains("bj-1").contains(state);
            });
    assertThat(heard)
        .containsExactly(
            BatchJobState.QUEUED, BatchJobState.PREPROCESSING, BatchJobState.valueOf(state));
    assertThat(drain(server)).noneMatch(r -> r.getUrl().encodedPath().endsWith("/cancel"));
  }

  @Test
  void aTimeoutThrowsAndDoesNotCancelTheJob() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return ok(jobs(job("bj-1", "BATCH_JOB_STATE_SUBMITTED", null)));
          }
        });
    PollOptions options =
        new PollOptions(Duration.ofSeconds(1), Duration.ofSeconds(4), 2.0, Duration.ofSeconds(10));

    assertThatThrownBy(() -> client.batch().awaitCompletion("bj-1", options, listener))
        .isInstanceOf(ClavataTimeoutException.class)
        .hasMessageContaining("bj-1")
        .hasMessageContaining("SUBMITTED");

    // 1 + 2 + 4 = 7 s, then the last 3 s up to the deadline: never past the timeout.
    assertThat(timing.sleeps())
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(3));
    assertThat(timing.sleeps().stream().reduce(Duration.ZERO, Duration::plus))
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(heard).containsExactly(BatchJobState.SUBMITTED);
    List<RecordedRequest> requests = drain(server);
    assertThat(requests).hasSize(5);
    assertThat(requests).allMatch(r -> r.getMethod().equals("GET"));
    assertThat(requests).noneMatch(r -> r.getUrl().encodedPath().contains("cancel"));
  }

  @Test
  void aJobThatDisappearsIsNotFound() {
    enqueueStates("QUEUED");
    server.enqueue(ok("{\"batchJobs\":[]}"));

    assertThatThrownBy(() -> client.batch().awaitCompletion("bj-1", OPTIONS, listener))
        .isInstanceOf(NotFoundException.class);
    assertThat(heard).containsExactly(BatchJobState.QUEUED);
  }

  @Test
  void aDurationWaitsWithTheBatchDefaults() {
    enqueueStates("QUEUED", "QUEUED", "COMPLETED");

    BatchJob done = client.batch().awaitCompletion("bj-1", Duration.ofHours(1));

    assertThat(done.state()).isEqualTo(BatchJobState.COMPLETED);
    assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10));
  }
}
