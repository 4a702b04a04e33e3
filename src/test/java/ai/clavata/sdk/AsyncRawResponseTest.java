package ai.clavata.sdk;

import static ai.clavata.sdk.TestRequests.createJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.batch.CancelledBatchJob;
import ai.clavata.sdk.errors.NotFoundException;
import ai.clavata.sdk.errors.StreamInterruptedException;
import ai.clavata.sdk.jobs.ListJobsRequest;
import ai.clavata.sdk.jobs.Page;
import ai.clavata.sdk.model.ApiResponse;
import ai.clavata.sdk.model.BatchJob;
import ai.clavata.sdk.model.BatchJobCreated;
import ai.clavata.sdk.model.BatchJobState;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.Job;
import ai.clavata.sdk.model.PolicyEvaluationReport;
import ai.clavata.sdk.stream.EvaluateRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The async {@code withRawResponse()} views: the same values as the plain futures, with status and
 * headers, run by the same runner (retries on the timer, cancel reaching the request). The async
 * work runs on one single thread, so that a wait slept on it would block the next task.
 */
class AsyncRawResponseTest extends MockServerTest {
  private final ExecutorService single = Executors.newSingleThreadExecutor();

  @BeforeEach
  @Override
  protected void openClient() {
    client = TestClients.builder(server, timing).asyncExecutor(single).build();
  }

  @AfterEach
  void stopThread() {
    single.shutdownNow();
  }

  private static MockResponse answer(String body, String requestId) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .addHeader("X-Request-Id", requestId)
        .body(body)
        .build();
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(5, TimeUnit.SECONDS);
  }

  private static String resultLine(int index) {
    return "{\"result\":{\"jobUuid\":\"j\",\"policyEvaluationReport\":{\"policyId\":\"p\","
        + "\"contentMetadata\":{\"clavata-sdk-input-index\":\""
        + index
        + "\"}}}}\n";
  }

  private boolean asyncThreadIsFree() throws InterruptedException {
    CountDownLatch ran = new CountDownLatch(1);
    single.execute(ran::countDown);
    return ran.await(5, TimeUnit.SECONDS);
  }

  @Test
  void jobsCreateGetAndListCarryTheirRequestIds() throws Exception {
    String job = "{\"job\":{\"jobUuid\":\"j1\",\"status\":\"JOB_STATUS_RUNNING\"}}";
    server.enqueue(answer(job, "req-plain"));
    server.enqueue(answer(job, "req-create"));
    server.enqueue(answer(job, "req-get"));
    server.enqueue(answer("{\"jobs\":[{\"jobUuid\":\"j1\"}],\"nextPageToken\":\"t\"}", "req-list"));

    Job plain = await(client.async().jobs().create(createJob()));
    ApiResponse<Job> created = await(client.async().jobs().withRawResponse().create(createJob()));
    ApiResponse<Job> got = await(client.async().jobs().withRawResponse().get("j1"));
    ApiResponse<Page<Job>> listed =
        await(client.async().jobs().withRawResponse().list(ListJobsRequest.builder().build()));

    assertThat(created.value()).isEqualTo(plain);
    assertThat(created.requestId()).contains("req-create");
    assertThat(got.value()).isEqualTo(plain);
    assertThat(got.requestId()).contains("req-get");
    assertThat(listed.value().items()).extracting(Job::jobUuid).containsExactly("j1");
    assertThat(listed.value().nextPageToken()).contains("t");
    assertThat(listed.requestId()).contains("req-list");
    assertThat(listed.statusCode()).isEqualTo(200);
  }

  @Test
  void batchCreateStartGetListAndCancelCarryTheirRequestIds() throws Exception {
    String job = "{\"batchJobId\":\"bj-1\",\"name\":\"n\",\"state\":\"BATCH_JOB_STATE_QUEUED\"}";
    server.enqueue(
        answer(
            "{\"batchJobId\":\"bj-1\",\"inputFileUploadUrl\":\"https://s.example.com/u\"}",
            "req-create"));
    server.enqueue(answer("{}", "req-start"));
    server.enqueue(answer("{\"batchJobs\":[" + job + "]}", "req-get"));
    server.enqueue(answer("{\"batchJobs\":[" + job + "]}", "req-list"));
    server.enqueue(
        answer("{\"batchJobId\":\"bj-1\",\"state\":\"BATCH_JOB_STATE_CANCELLED\"}", "req-cancel"));

    var raw = client.async().batch().withRawResponse();
    ApiResponse<BatchJobCreated> created = await(raw.create("nightly", "pol-1"));
    ApiResponse<Void> started = await(raw.start("bj-1"));
    ApiResponse<BatchJob> got = await(raw.get("bj-1"));
    ApiResponse<List<BatchJob>> listed = await(raw.list());
    ApiResponse<CancelledBatchJob> cancelled = await(raw.cancel("bj-1"));

    assertThat(created.value().batchJobId()).isEqualTo("bj-1");
    assertThat(created.requestId()).contains("req-create");
    assertThat(started.value()).isNull();
    assertThat(started.requestId()).contains("req-start");
    assertThat(got.value().state()).isEqualTo(BatchJobState.QUEUED);
    assertThat(got.requestId()).contains("req-get");
    assertThat(listed.value()).containsExactly(got.value());
    assertThat(listed.requestId()).contains("req-list");
    assertThat(cancelled.value().state()).isEqualTo(BatchJobState.CANCELLED);
    assertThat(cancelled.requestId()).contains("req-cancel");
  }

  @Test
  void streamEvaluateCompletesAfterTheLastResultWithTheOpeningHeaders() throws Exception {
    server.enqueue(answer(resultLine(1) + resultLine(0), "req-stream"));
    List<Integer> seen = new CopyOnWriteArrayList<>();
    EvaluateRequest request =
        EvaluateRequest.builder()
            .policyId("p")
            .addContent(ContentData.text("a"))
            .addContent(ContentData.text("b"))
            .build();

    ApiResponse<Void> done =
        await(
            client.async().stream()
                .withRawResponse()
                .evaluate(request, r -> seen.add(r.inputIndex())));

    assertThat(seen).containsExactly(1, 0);
    assertThat(done.value()).isNull();
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.requestId()).contains("req-stream");
  }

  @Test
  void streamEvaluateFailsAsThePlainOneWhenTheStreamBreaks() {
    server.enqueue(
        answer(resultLine(0) + "{\"error\":{\"code\":13,\"message\":\"boom\"}}\n", "req-x"));
    EvaluateRequest request =
        EvaluateRequest.builder()
            .policyId("p")
            .addContent(ContentData.text("a"))
            .addContent(ContentData.text("b"))
            .build();
    assertThatThrownBy(
            () -> await(client.async().stream().withRawResponse().evaluate(request, r -> {})))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(StreamInterruptedException.class);
  }

  @Test
  void streamEvaluateOneCarriesTheRequestIdAndTheSameReport() throws Exception {
    server.enqueue(answer(resultLine(0), "req-plain"));
    server.enqueue(answer(resultLine(0), "req-one"));

    PolicyEvaluationReport plain =
        await(client.async().stream().evaluateOne("p", ContentData.text("x")));
    ApiResponse<PolicyEvaluationReport> raw =
        await(client.async().stream().withRawResponse().evaluateOne("p", ContentData.text("x")));

    assertThat(raw.value()).isEqualTo(plain);
    assertThat(raw.requestId()).contains("req-one");
  }

  @Test
  void aRetriedCallWaitsOnTheTimerAndReportsTheResponseThatSucceeded() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(503)
            .addHeader("Retry-After-Ms", "200")
            .addHeader("X-Request-Id", "req-busy")
            .body("{\"code\":14,\"message\":\"busy\"}")
            .build());
    server.enqueue(answer("{\"job\":{\"jobUuid\":\"j1\"}}", "req-ok"));

    CompletableFuture<ApiResponse<Job>> future = client.async().jobs().withRawResponse().get("j1");
    server.takeRequest();
    assertThat(asyncThreadIsFree()).as("the backoff does not hold the thread").isTrue();

    ApiResponse<Job> raw = await(future);
    assertThat(raw.requestId()).contains("req-ok");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(timing.sleeps()).as("nothing slept").isEmpty();
  }

  @Test
  void cancellingCancelsTheRequestInFlight() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .headersDelay(20, TimeUnit.SECONDS)
            .body("{\"batchJobs\":[]}")
            .build());
    CompletableFuture<ApiResponse<List<BatchJob>>> future =
        client.async().batch().withRawResponse().list();
    server.takeRequest();
    assertThat(future.cancel(true)).isTrue();

    assertThat(asyncThreadIsFree()).as("the blocked read was cancelled").isTrue();
  }

  @Test
  void failuresAndInvalidArgumentsFailTheFuture() {
    server.enqueue(
        new MockResponse.Builder()
            .code(404)
            .addHeader("X-Request-Id", "req-404")
            .body("{\"code\":5,\"message\":\"no such job\"}")
            .build());
    assertThatThrownBy(() -> await(client.async().jobs().withRawResponse().get("missing")))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(((NotFoundException) e).requestId()).contains("req-404"));
    assertThatThrownBy(() -> await(client.async().batch().withRawResponse().create(" ", "p")))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> await(client.async().jobs().withRawResponse().get(" ")))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }
}
