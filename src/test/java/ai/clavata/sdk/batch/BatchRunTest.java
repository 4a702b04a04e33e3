package ai.clavata.sdk.batch;

import static ai.clavata.sdk.TestResponses.ok;
import static ai.clavata.sdk.TestResponses.tree;
import static ai.clavata.sdk.batch.BatchTestSupport.created;
import static ai.clavata.sdk.batch.BatchTestSupport.csv;
import static ai.clavata.sdk.batch.BatchTestSupport.drain;
import static ai.clavata.sdk.batch.BatchTestSupport.error;
import static ai.clavata.sdk.batch.BatchTestSupport.job;
import static ai.clavata.sdk.batch.BatchTestSupport.jobs;
import static ai.clavata.sdk.batch.BatchTestSupport.parseRfc4180;
import static ai.clavata.sdk.batch.BatchTestSupport.stored;
import static ai.clavata.sdk.batch.BatchTestSupport.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.MockServerTest;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.errors.BadRequestException;
import ai.clavata.sdk.errors.BatchJobFailedException;
import ai.clavata.sdk.errors.ClavataApiException;
import ai.clavata.sdk.errors.PermissionDeniedException;
import ai.clavata.sdk.model.BatchJob;
import ai.clavata.sdk.model.BatchJobState;
import ai.clavata.sdk.model.PollOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code run}: create, upload, start and await in one call, end to end. */
class BatchRunTest extends MockServerTest {
  @StartStop final MockWebServer storage = new MockWebServer();

  private static final PollOptions OPTIONS =
      new PollOptions(Duration.ofSeconds(5), Duration.ofSeconds(20), 2.0, Duration.ofHours(48));

  private static final List<BatchInputRow> ROWS =
      List.of(
          BatchInputRow.text("post-1", "hello, \"world\"\nbye"),
          BatchInputRow.imageUrl("img-1", "https://example.com/cat.png"));

  @Test
  void runCreatesUploadsStartsAndAwaitsThenResultsParse() throws Exception {
    String uploadUrl = storage.url("/in/bj-1.csv?X-Amz-Signature=up").toString();
    String outputUrl = storage.url("/out/bj-1.csv?X-Amz-Signature=down").toString();
    server.enqueue(ok(created("bj-1", uploadUrl)));
    storage.enqueue(stored());
    server.enqueue(ok("{}"));
    server.enqueue(ok(jobs(job("bj-1", "BATCH_JOB_STATE_QUEUED", null))));
    server.enqueue(ok(jobs(job("bj-1", "BATCH_JOB_STATE_SUBMITTED", null))));
    server.enqueue(ok(jobs(job("bj-1", "BATCH_JOB_STATE_POSTPROCESSING", null))));
    server.enqueue(ok(jobs(job("bj-1", "BATCH_JOB_STATE_COMPLETED", outputUrl))));
    List<BatchJobState> heard = new ArrayList<>();

    BatchJob done =
        client
            .batch()
            .run("nightly", "pol-1", BatchInput.of(ROWS), OPTIONS, j -> heard.add(j.state()));

    assertThat(done.state()).isEqualTo(BatchJobState.COMPLETED);
    assertThat(done.outputFileUrl()).isEqualTo(outputUrl);
    assertThat(heard)
        .containsExactly(
            BatchJobState.QUEUED,
            BatchJobState.SUBMITTED,
            BatchJobState.POSTPROCESSING,
            BatchJobState.COMPLETED);
    assertThat(timing.sleeps())
        .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20));

    List<RecordedRequest> api = drain(server);
    assertThat(api)
        .extracting(r -> r.getMethod() + " " + r.getUrl().encodedPath())
        .containsExactly(
            "POST /v1/batch-jobs",
            "POST /v1/batch-jobs/bj-1/start",
            "GET /v1/batch-jobs",
            "GET /v1/batch-jobs",
            "GET /v1/batch-jobs",
            "GET /v1/batch-jobs");
    assertThat(tree(api.get(0).getBody().utf8()))
        .isEqualTo(tree("{\"name\":\"nightly\",\"policyId\":\"pol-1\"}"));
    assertThat(tree(api.get(1).getBody().utf8())).isEqualTo(tree("{}"));
    assertThat(api)
        .allSatisfy(
            r ->
                assertThat(r.getHeaders().get("Authorization"))
                    .isEqualTo("Bearer " + TestClients.API_KEY));

    RecordedRequest put = storage.takeRequest();
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(put.getUrl().encodedPath()).isEqualTo("/in/bj-1.csv");
    assertThat(put.getHeaders().get("Authorization")).isNull();
    assertThat(put.getChunkSizes()).isNullOrEmpty();
    assertThat(parseRfc4180(put.getBody().utf8()))
        .containsExactly(
            List.of("ref_id", "type", "content"),
            List.of("post-1", "text", "hello, \"world\"\nbye"),
            List.of("img-1", "image_url", "https://example.com/cat.png"));

    storage.enqueue(
        csv(
            "ref_id,type,labels,content,error\r\n"
                + "post-1,text,\"[{\"\"label\"\":\"\"Hate\"\",\"\"score\"\":0.7}]\",\"hello, \"\"world\"\"\nbye\",\r\n"
                + "img-1,image_url,,https://example.com/cat.png,could not download\r\n"));
    try (BatchResults results = client.batch().results(done)) {
      List<BatchResultRow> rows = results.stream().toList();
      assertThat(rows).extracting(BatchResultRow::refId).containsExactly("post-1", "img-1");
      assertThat(rows.get(0).score("Hate")).hasValue(0.7);
      assertThat(rows.get(0).content()).isEqualTo("hello, \"world\"\nbye");
      assertThat(rows.get(1).isError()).isTrue();
    }
    RecordedRequest download = storage.takeRequest();
    assertThat(download.getUrl().encodedPath()).isEqualTo("/out/bj-1.csv");
    assertThat(download.getHeaders().get("Authorization")).isNull();
  }

  @ParameterizedTest
  @ValueSource(ints = {404, 501})
  void runSucceedsWhenTheServerHasNoStartEndpoint(int status) throws Exception {
    server.enqueue(ok(created("bj-1", server.url("/storage/in?X-Amz-Signature=up").toString())));
    server.enqueue(stored()); // the upload, to the API's own host:port
    server.enqueue(error(status, status == 404 ? 5 : 12, "Not Found"));
    server.enqueue(ok(jobs(job("bj-1", "BATCH_JOB_STATE_PREPROCESSING", null))));
    server.enqueue(ok(jobs(job("bj-1", "BATCH_JOB_STATE_COMPLETED", "https://s/out"))));

    BatchJob done = client.batch().run("nightly", "pol-1", BatchInput.of(ROWS), OPTIONS);

    assertThat(done.state()).isEqualTo(BatchJobState.COMPLETED);
    List<RecordedRequest> requests = drain(server);
    assertThat(requests)
        .extracting(r -> r.getMethod() + " " + r.getUrl().encodedPath())
        .containsExactly(
            "POST /v1/batch-jobs",
            "PUT /storage/in",
            "POST /v1/batch-jobs/bj-1/start",
            "GET /v1/batch-jobs",
            "GET /v1/batch-jobs");
    assertThat(requests.get(1).getHeaders().get("Authorization")).isNull();
    assertThat(requests.get(2).getHeaders().get("Authorization")).isNotNull();
    assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void anotherStartFailureStopsTheRun() {
    server.enqueue(ok(created("bj-1", storage.url("/in").toString())));
    storage.enqueue(stored());
    server.enqueue(error(400, 9, "job is not in INITIALIZED state"));

    assertThatThrownBy(() -> client.batch().run("nightly", "pol-1", BatchInput.of(ROWS), OPTIONS))
        .isInstanceOf(BadRequestException.class)
        .satisfies(e -> assertThat(((ClavataApiException) e).httpStatus()).isEqualTo(400));
    assertThat(server.getRequestCount()).isEqualTo(2); // no polling
  }

  @Test
  void anExpiredUploadUrlStopsTheRunBeforeStart() {
    server.enqueue(ok(created("bj-1", storage.url("/in?X-Amz-Signature=old").toString())));
    storage.enqueue(xml(403, "AccessDenied", "Request has expired"));

    assertThatThrownBy(() -> client.batch().run("nightly", "pol-1", BatchInput.of(ROWS), OPTIONS))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("expired");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void invalidInputIsRefusedAfterCreateButBeforeUpload() {
    server.enqueue(ok(created("bj-1", storage.url("/in").toString())));
    List<BatchInputRow> dup = List.of(BatchInputRow.text("x", "1"), BatchInputRow.text("x", "2"));

    assertThatThrownBy(() -> client.batch().run("nightly", "pol-1", BatchInput.of(dup), OPTIONS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 2");
    assertThat(storage.getRequestCount()).isZero();
  }

  @Test
  void aRunThatErrorsThrowsBatchJobFailed() {
    server.enqueue(ok(created("bj-1", storage.url("/in").toString())));
    storage.enqueue(stored());
    server.enqueue(ok("{}"));
    server.enqueue(ok(jobs(job("bj-1", "BATCH_JOB_STATE_ERROR", null))));

    assertThatThrownBy(() -> client.batch().run("nightly", "pol-1", BatchInput.of(ROWS), OPTIONS))
        .isInstanceOfSatisfying(
            BatchJobFailedException.class,
            e -> assertThat(e.job().state()).isEqualTo(BatchJobState.ERROR));
  }

  @Test
  void aCreateThatReportsAnErrorIsABadRequest() {
    server.enqueue(
        ok(
            "{\"batchJobId\":\"\",\"name\":\"n\",\"error\":{\"errorCode\":"
                + "\"BATCH_JOB_ERROR_INVALID_POLICY\",\"errorMessage\":\"no such policy\"}}"));

    assertThatThrownBy(() -> client.batch().run("nightly", "pol-x", BatchInput.of(ROWS), OPTIONS))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("no such policy");
    assertThat(storage.getRequestCount()).isZero();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void runValidatesItsArgumentsBeforeAnyRequest() {
    assertThatThrownBy(() -> client.batch().run(" ", "pol-1", BatchInput.of(ROWS), OPTIONS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.batch().run("n", "", BatchInput.of(ROWS), OPTIONS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.batch().run("n", "pol-1", null, OPTIONS))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> client.batch().run("n", "pol-1", BatchInput.of(ROWS), null))
        .isInstanceOf(NullPointerException.class);
    assertThat(server.getRequestCount()).isZero();
  }
}
