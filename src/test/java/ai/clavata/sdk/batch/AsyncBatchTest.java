package ai.clavata.sdk.batch;

import static ai.clavata.sdk.TestResponses.ok;
import static ai.clavata.sdk.batch.BatchTestSupport.completedOn;
import static ai.clavata.sdk.batch.BatchTestSupport.created;
import static ai.clavata.sdk.batch.BatchTestSupport.csv;
import static ai.clavata.sdk.batch.BatchTestSupport.drainLines;
import static ai.clavata.sdk.batch.BatchTestSupport.error;
import static ai.clavata.sdk.batch.BatchTestSupport.job;
import static ai.clavata.sdk.batch.BatchTestSupport.jobs;
import static ai.clavata.sdk.batch.BatchTestSupport.parseRfc4180;
import static ai.clavata.sdk.batch.BatchTestSupport.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.MockServerTest;
import ai.clavata.sdk.errors.BatchJobFailedException;
import ai.clavata.sdk.errors.NotFoundException;
import ai.clavata.sdk.model.BatchJob;
import ai.clavata.sdk.model.BatchJobCreated;
import ai.clavata.sdk.model.BatchJobState;
import ai.clavata.sdk.model.PollOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** {@code client.async().batch()}: every operation of the blocking client, as futures. */
class AsyncBatchTest extends MockServerTest {
  @StartStop final MockWebServer storage = new MockWebServer();

  private static final PollOptions FAST =
      new PollOptions(Duration.ofMillis(10), Duration.ofMillis(10), 1.0, Duration.ofMinutes(1));

  private static final List<BatchInputRow> ROWS =
      List.of(BatchInputRow.text("post-1", "hello"), BatchInputRow.text("post-2", "bye"));

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(10, TimeUnit.SECONDS);
  }

  private String uploadUrl() {
    return storage.url("/in/bj-1.csv?X-Amz-Signature=up").toString();
  }

  @Test
  void runCreatesUploadsStartsAndAwaits() throws Exception {
    String outputUrl = storage.url("/out/bj-1.csv?X-Amz-Signature=down").toString();
    server.enqueue(ok(created("bj-1", uploadUrl())));
    storage.enqueue(stored());
    server.enqueue(ok("{}"));
    server.enqueue(ok(jobs(job("bj-1", "BATCH_JOB_STATE_QUEUED", null))));
    server.enqueue(ok(jobs(job("bj-1", "BATCH_JOB_STATE_COMPLETED", outputUrl))));
    List<BatchJobState> heard = new CopyOnWriteArrayList<>();

    BatchJob done =
        await(
            client
                .async()
                .batch()
                .run("nightly", "pol-1", BatchInput.of(ROWS), FAST, j -> heard.add(j.state())));

    assertThat(done.outputFileUrl()).isEqualTo(outputUrl);
    assertThat(heard).containsExactly(BatchJobState.QUEUED, BatchJobState.COMPLETED);
    assertThat(drainLines(server))
        .containsExactly(
            "POST /v1/batch-jobs",
            "POST /v1/batch-jobs/bj-1/start",
            "GET /v1/batch-jobs",
            "GET /v1/batch-jobs");
    RecordedRequest put = storage.takeRequest();
    assertThat(put.getHeaders().get("Authorization")).isNull();
    assertThat(parseRfc4180(put.getBody().utf8()))
        .containsExactly(
            List.of("ref_id", "type", "content"),
            List.of("post-1", "text", "hello"),
            List.of("post-2", "text", "bye"));
  }

  @Test
  void runWithoutAStartEndpointStillAwaits() throws Exception {
    server.enqueue(ok(created("bj-1", uploadUrl())));
    storage.enqueue(stored());
    server.enqueue(error(404, 5, "Not Found"));
    server.enqueue(ok(jobs(job("bj-1", "BATCH_JOB_STATE_COMPLETED", "https://s/out"))));

    assertThat(await(client.async().batch().run("n", "pol-1", BatchInput.of(ROWS), FAST)).state())
        .isEqualTo(BatchJobState.COMPLETED);
  }

  @Test
  void anInvalidRowFailsTheUploadAndNothingIsSent() throws Exception {
    BatchJobCreated created = new BatchJobCreated("bj-1", "n", null, uploadUrl());
    List<BatchInputRow> duplicate =
        List.of(BatchInputRow.text("same", "a"), BatchInputRow.text("same", "b"));

    assertThatThrownBy(
            () -> await(client.async().batch().upload(created, BatchInput.of(duplicate))))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalArgumentException.class)
        .cause()
        .hasMessageContaining("same");
    assertThat(storage.getRequestCount()).isZero();
  }

  @Test
  void uploadCountsTheRows() throws Exception {
    storage.enqueue(stored());
    BatchJobCreated created = new BatchJobCreated("bj-1", "n", null, uploadUrl());
    assertThat(await(client.async().batch().upload(created, BatchInput.of(ROWS)))).isEqualTo(2);
    assertThat(storage.takeRequest().getMethod()).isEqualTo("PUT");
  }

  @Test
  void awaitCompletionFailsWhenTheJobFails() {
    server.enqueue(ok(jobs(job("bj-1", "BATCH_JOB_STATE_ERROR", null))));
    assertThatThrownBy(() -> await(client.async().batch().awaitCompletion("bj-1", FAST)))
        .hasCauseInstanceOf(BatchJobFailedException.class);
  }

  @Test
  void singleRequestOperations() throws Exception {
    AsyncBatchClient batch = client.async().batch();
    server.enqueue(ok(created("bj-1", uploadUrl())));
    assertThat(await(batch.create("n", "pol-1")).batchJobId()).isEqualTo("bj-1");
    server.enqueue(ok("{}"));
    assertThat(await(batch.start("bj-1"))).isNull();
    server.enqueue(ok(jobs(job("bj-1", "BATCH_JOB_STATE_QUEUED", null))));
    assertThat(await(batch.get("bj-1")).state()).isEqualTo(BatchJobState.QUEUED);
    server.enqueue(ok(jobs(job("bj-1", "BATCH_JOB_STATE_QUEUED", null), job("bj-2", "X", null))));
    assertThat(await(batch.list()))
        .extracting(BatchJob::batchJobId)
        .containsExactly("bj-1", "bj-2");
    server.enqueue(ok("{\"batchJobId\":\"bj-1\",\"state\":\"BATCH_JOB_STATE_CANCELLED\"}"));
    assertThat(await(batch.cancel("bj-1")).batchJobId()).isEqualTo("bj-1");
    server.enqueue(ok(jobs()));
    assertThatThrownBy(() -> await(batch.get("bj-9"))).hasCauseInstanceOf(NotFoundException.class);
    assertThat(drainLines(server))
        .containsExactly(
            "POST /v1/batch-jobs",
            "POST /v1/batch-jobs/bj-1/start",
            "GET /v1/batch-jobs",
            "GET /v1/batch-jobs",
            "POST /v1/batch-jobs/bj-1/cancel",
            "GET /v1/batch-jobs");
  }

  @Test
  void resultsOpenTheDownload() throws Exception {
    storage.enqueue(csv("ref_id,type,labels,content,error\r\npost-1,text,[],hello,\r\n"));
    try (BatchResults results = await(client.async().batch().results(completedOn(storage)))) {
      assertThat(results.toList()).extracting(BatchResultRow::refId).containsExactly("post-1");
    }
  }

  @Test
  void cancellingRunStopsTheUploadUnderWayAndWhatFollows() throws Exception {
    server.enqueue(ok(created("bj-1", uploadUrl())));
    storage.enqueue(stored().newBuilder().headersDelay(20, TimeUnit.SECONDS).build());
    server.enqueue(ok("{}"));
    CompletableFuture<BatchJob> run =
        client.async().batch().run("n", "pol-1", BatchInput.of(ROWS), FAST);
    assertThat(storage.takeRequest(10, TimeUnit.SECONDS)).isNotNull(); // the upload is under way
    assertThat(run.cancel(true)).isTrue();

    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/batch-jobs");
    assertThat(server.takeRequest(1, TimeUnit.SECONDS)).as("no start, no poll").isNull();
  }

  @Test
  void invalidArgumentsFailTheFuture() {
    AsyncBatchClient batch = client.async().batch();
    assertThatThrownBy(() -> await(batch.run(" ", "pol-1", BatchInput.of(ROWS), FAST)))
        .hasCauseInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> await(batch.run("n", "pol-1", null, FAST)))
        .hasCauseInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> await(batch.awaitCompletion("bj-1", Duration.ofSeconds(-1))))
        .hasCauseInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> await(batch.upload(null, BatchInput.of(ROWS))))
        .hasCauseInstanceOf(NullPointerException.class);
    assertThat(server.getRequestCount()).isZero();
  }
}
