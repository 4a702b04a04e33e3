package ai.clavata.sdk.batch;

import static ai.clavata.sdk.batch.BatchTestSupport.created;
import static ai.clavata.sdk.batch.BatchTestSupport.drainLines;
import static ai.clavata.sdk.batch.BatchTestSupport.job;
import static ai.clavata.sdk.batch.BatchTestSupport.jobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.clavata.sdk.MockServerTest;
import ai.clavata.sdk.errors.BadRequestException;
import ai.clavata.sdk.errors.NotFoundException;
import ai.clavata.sdk.model.ApiResponse;
import ai.clavata.sdk.model.BatchJob;
import ai.clavata.sdk.model.BatchJobCreated;
import ai.clavata.sdk.model.BatchJobState;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** {@code client.batch().withRawResponse()}: the plain values, with status and headers. */
class RawBatchResponseTest extends MockServerTest {
  private static final String UPLOAD = "https://storage.example.com/in/bj-1.csv?sig=1";

  private static MockResponse answer(String body, String requestId) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .addHeader("X-Request-Id", requestId)
        .body(body)
        .build();
  }

  @Test
  void createCarriesTheRequestIdAndTheCheckedJob() throws Exception {
    server.enqueue(answer(created("bj-1", UPLOAD), "req-plain"));
    server.enqueue(answer(created("bj-1", UPLOAD), "req-create"));

    BatchJobCreated plain = client.batch().create("nightly", "pol-1");
    ApiResponse<BatchJobCreated> raw = client.batch().withRawResponse().create("nightly", "pol-1");

    assertThat(raw.value()).isEqualTo(plain);
    assertThat(raw.value().batchJobId()).isEqualTo("bj-1");
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.requestId()).contains("req-create");
    assertThat(drainLines(server)).containsExactly("POST /v1/batch-jobs", "POST /v1/batch-jobs");
  }

  @Test
  void aCreateAnsweredWithAnErrorIsRefusedAsThePlainOneIs() {
    server.enqueue(
        answer(
            "{\"error\":{\"errorCode\":\"BATCH_JOB_ERROR_CODE_INVALID_POLICY\","
                + "\"errorMessage\":\"no such policy\"}}",
            "req-err"));
    BadRequestException e =
        catchThrowableOfType(
            BadRequestException.class,
            () -> client.batch().withRawResponse().create("nightly", "pol-1"));
    assertThat(e).hasMessageContaining("no such policy");
  }

  @Test
  void startCarriesTheRequestIdAndNoValue() throws Exception {
    server.enqueue(answer("{}", "req-start"));
    ApiResponse<Void> raw = client.batch().withRawResponse().start("bj-1");
    assertThat(raw.value()).isNull();
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.requestId()).contains("req-start");
    assertThat(drainLines(server)).containsExactly("POST /v1/batch-jobs/bj-1/start");
  }

  @Test
  void getCarriesTheListsRequestIdAndTheSameJob() throws Exception {
    String body = jobs(job("bj-1", "BATCH_JOB_STATE_QUEUED", null));
    server.enqueue(answer(body, "req-plain"));
    server.enqueue(answer(body, "req-get"));

    BatchJob plain = client.batch().get("bj-1");
    ApiResponse<BatchJob> raw = client.batch().withRawResponse().get("bj-1");

    assertThat(raw.value()).isEqualTo(plain);
    assertThat(raw.value().state()).isEqualTo(BatchJobState.QUEUED);
    assertThat(raw.requestId()).contains("req-get");
    server.takeRequest();
    assertThat(server.takeRequest().getUrl().queryParameterValues("batchJobIds"))
        .containsExactly("bj-1");
  }

  @Test
  void getOfAJobTheListDoesNotHoldIsNotFound() {
    server.enqueue(answer(jobs(job("bj-2", "BATCH_JOB_STATE_QUEUED", null)), "req-get"));
    assertThat(
            catchThrowableOfType(
                NotFoundException.class, () -> client.batch().withRawResponse().get("bj-1")))
        .hasMessageContaining("bj-1");
  }

  @Test
  void listCarriesTheRequestIdAndTheSameJobs() {
    String body =
        jobs(
            job("bj-1", "BATCH_JOB_STATE_COMPLETED", "https://storage.example.com/out.csv"),
            job("bj-2", "BATCH_JOB_STATE_INITIALIZED", null));
    server.enqueue(answer(body, "req-plain"));
    server.enqueue(answer(body, "req-list"));

    List<BatchJob> plain = client.batch().list();
    ApiResponse<List<BatchJob>> raw = client.batch().withRawResponse().list();

    assertThat(raw.value()).isEqualTo(plain).hasSize(2);
    assertThat(raw.requestId()).contains("req-list");
  }

  @Test
  void cancelCarriesTheRequestIdAndTheSameState() throws Exception {
    String body = "{\"batchJobId\":\"bj-1\",\"state\":\"BATCH_JOB_STATE_CANCELLED\"}";
    server.enqueue(answer(body, "req-plain"));
    server.enqueue(answer(body, "req-cancel"));

    CancelledBatchJob plain = client.batch().cancel("bj-1");
    ApiResponse<CancelledBatchJob> raw = client.batch().withRawResponse().cancel("bj-1");

    assertThat(raw.value()).isEqualTo(plain);
    assertThat(raw.value().state()).isEqualTo(BatchJobState.CANCELLED);
    assertThat(raw.requestId()).contains("req-cancel");
    assertThat(drainLines(server))
        .containsExactly("POST /v1/batch-jobs/bj-1/cancel", "POST /v1/batch-jobs/bj-1/cancel");
  }

  @Test
  void aResponseWithoutARequestIdHasNone() {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    ApiResponse<Void> raw = client.batch().withRawResponse().start("bj-1");
    assertThat(raw.requestId()).isEmpty();
  }

  @Test
  void invalidIdsAreRefusedBeforeAnythingIsSent() {
    BatchClient.WithRawResponse raw = client.batch().withRawResponse();
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> raw.start(" ")))
        .hasMessageContaining("batchJobId");
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> raw.cancel("")))
        .hasMessageContaining("batchJobId");
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> raw.get(null)))
        .hasMessageContaining("batchJobId");
    assertThat(server.getRequestCount()).isZero();
  }
}
