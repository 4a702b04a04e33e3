package ai.clavata.sdk;

import static ai.clavata.sdk.TestResponses.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.errors.ServerException;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.Job;
import ai.clavata.sdk.model.JobStatus;
import ai.clavata.sdk.model.PollOptions;
import ai.clavata.sdk.stream.EvaluateRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Async calls wait on the client's timer, not on a parked thread: every test runs the async work on
 * one single thread, so that a wait slept on it would block the next task.
 */
class AsyncWaitsTest extends MockServerTest {
  private final ExecutorService single = Executors.newSingleThreadExecutor();
  private final AtomicInteger tasks = new AtomicInteger();

  @BeforeEach
  @Override
  protected void openClient() {
    client =
        TestClients.builder(server, timing)
            .asyncExecutor(
                task -> {
                  tasks.incrementAndGet();
                  single.execute(task);
                })
            .build();
  }

  @AfterEach
  void stopThread() {
    single.shutdownNow();
  }

  /** Whether a task submitted now to the async thread runs at once: nothing occupies it. */
  private boolean asyncThreadIsFree() throws InterruptedException {
    CountDownLatch ran = new CountDownLatch(1);
    single.execute(ran::countDown);
    return ran.await(5, TimeUnit.SECONDS);
  }

  private static MockResponse job(String status) {
    return ok("{\"job\":{\"jobUuid\":\"j1\",\"status\":\"" + status + "\"}}");
  }

  private static final PollOptions ONE_SECOND =
      new PollOptions(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0, Duration.ofMinutes(1));

  @Test
  void theCallerExecutorRunsTheAsyncWork() throws Exception {
    server.enqueue(job("JOB_STATUS_RUNNING"));
    assertThat(client.async().jobs().get("j1").get(5, TimeUnit.SECONDS).jobUuid()).isEqualTo("j1");
    assertThat(tasks.get()).isEqualTo(1);
  }

  @Test
  void aRetryBackoffLeavesTheThreadFreeAndThenRetries() throws Exception {
    server.enqueue(TestResponses.unavailable("1"));
    server.enqueue(job("JOB_STATUS_RUNNING"));
    CompletableFuture<Job> future = client.async().jobs().get("j1");
    server.takeRequest();

    assertThat(asyncThreadIsFree()).isTrue();
    assertThat(future).as("still waiting out the 1 s Retry-After").isNotDone();
    assertThat(future.get(5, TimeUnit.SECONDS).status()).isEqualTo(JobStatus.RUNNING);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(timing.sleeps()).as("nothing slept").isEmpty();
  }

  @Test
  void aStreamWhoseOpeningIsRetriedWaitsOnTheTimer() throws Exception {
    server.enqueue(TestResponses.unavailable("1"));
    server.enqueue(
        ok(
            "{\"result\":{\"jobUuid\":\"j\",\"policyEvaluationReport\":{\"contentMetadata\":"
                + "{\"clavata-sdk-input-index\":\"0\"}}}}\n"));
    List<Integer> seen = new CopyOnWriteArrayList<>();
    EvaluateRequest request =
        EvaluateRequest.builder().policyId("p").addContent(ContentData.text("a")).build();
    CompletableFuture<Void> done =
        client.async().stream().evaluate(request, r -> seen.add(r.inputIndex()));
    server.takeRequest();

    assertThat(asyncThreadIsFree()).isTrue();
    assertThat(done).isNotDone();
    done.get(5, TimeUnit.SECONDS);
    assertThat(seen).containsExactly(0);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void deferredRetriesStillStopAtMaxRetries() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(TestResponses.unavailable("0"));
    }
    assertThatThrownBy(() -> client.async().jobs().get("j1").get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(ServerException.class);
    assertThat(server.getRequestCount()).as("the first attempt and 2 retries").isEqualTo(3);
  }

  @Test
  void cancellingDuringABackoffSendsNothingMore() throws Exception {
    server.enqueue(TestResponses.unavailable("1"));
    server.enqueue(job("JOB_STATUS_RUNNING"));
    CompletableFuture<Job> future = client.async().jobs().get("j1");
    server.takeRequest();
    assertThat(future.cancel(true)).isTrue();

    assertThat(server.takeRequest(1500, TimeUnit.MILLISECONDS))
        .as("no retry after the cancel")
        .isNull();
  }

  @Test
  void cancellingCancelsTheRequestInFlight() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .headersDelay(20, TimeUnit.SECONDS)
            .body("{\"job\":{\"jobUuid\":\"j1\"}}")
            .build());
    CompletableFuture<Job> future = client.async().jobs().get("j1");
    server.takeRequest();
    future.cancel(true);

    assertThat(asyncThreadIsFree()).as("the blocked read was cancelled").isTrue();
  }

  @Test
  void awaitCompletionPollsOnTheTimerAndTellsTheListener() throws Exception {
    server.enqueue(job("JOB_STATUS_PENDING"));
    server.enqueue(job("JOB_STATUS_RUNNING"));
    server.enqueue(job("JOB_STATUS_COMPLETED"));
    List<JobStatus> heard = new CopyOnWriteArrayList<>();
    CompletableFuture<Job> done =
        client.async().jobs().awaitCompletion("j1", ONE_SECOND, j -> heard.add(j.status()));
    server.takeRequest();

    assertThat(asyncThreadIsFree()).isTrue();
    assertThat(done).isNotDone();
    assertThat(done.get(10, TimeUnit.SECONDS).status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(heard).containsExactly(JobStatus.PENDING, JobStatus.RUNNING, JobStatus.COMPLETED);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void cancellingAwaitCompletionStopsThePolling() throws Exception {
    server.enqueue(job("JOB_STATUS_RUNNING"));
    server.enqueue(job("JOB_STATUS_RUNNING"));
    CountDownLatch firstPoll = new CountDownLatch(1);
    CompletableFuture<Job> done =
        client.async().jobs().awaitCompletion("j1", ONE_SECOND, j -> firstPoll.countDown());
    assertThat(firstPoll.await(5, TimeUnit.SECONDS)).isTrue();
    done.cancel(true);

    assertThat(server.takeRequest()).isNotNull();
    assertThat(server.takeRequest(1500, TimeUnit.MILLISECONDS))
        .as("no poll after the cancel")
        .isNull();
  }

  @Test
  void awaitCompletionTimesOutOnTheTimer() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(job("JOB_STATUS_RUNNING"));
    }
    PollOptions brief =
        new PollOptions(Duration.ofMillis(20), Duration.ofMillis(20), 1.0, Duration.ofMillis(1));
    // The fake clock never moves, so the deadline is checked against it: a 1 ms timeout that has
    // not passed on the fake clock keeps polling; the real-clock timer paces the polls.
    CompletableFuture<Job> done = client.async().jobs().awaitCompletion("j1", brief);
    timing.sleep(Duration.ofMillis(5)); // moves the fake clock past the deadline
    assertThatThrownBy(() -> done.get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ai.clavata.sdk.errors.ClavataTimeoutException.class);
  }

  @Test
  void closingTheClientFailsAFutureThatWaits() throws Exception {
    server.enqueue(job("JOB_STATUS_RUNNING"));
    PollOptions hourly =
        new PollOptions(Duration.ofHours(1), Duration.ofHours(1), 1.0, Duration.ofHours(2));
    CountDownLatch firstPoll = new CountDownLatch(1);
    CompletableFuture<Job> done =
        client.async().jobs().awaitCompletion("j1", hourly, j -> firstPoll.countDown());
    assertThat(firstPoll.await(5, TimeUnit.SECONDS)).isTrue();
    client.close();

    assertThatThrownBy(() -> done.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalStateException.class)
        .cause()
        .hasMessageContaining("closed");
  }

  @Test
  void invalidArgumentsFailTheFutureBeforeAnyRequest() {
    assertThatThrownBy(() -> client.async().jobs().awaitCompletion(" ", ONE_SECOND).get())
        .hasCauseInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.async().jobs().awaitCompletion("j1", null, j -> {}).get())
        .hasCauseInstanceOf(NullPointerException.class);
    assertThat(server.getRequestCount()).isZero();
  }
}
