package ai.clavata.sdk.jobs;

import static ai.clavata.sdk.TestRequests.createJob;
import static ai.clavata.sdk.jobs.JobsTestSupport.job;
import static ai.clavata.sdk.jobs.JobsTestSupport.jobEnvelope;
import static ai.clavata.sdk.jobs.JobsTestSupport.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.clavata.sdk.MockServerTest;
import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.errors.NotFoundException;
import ai.clavata.sdk.model.ApiResponse;
import ai.clavata.sdk.model.Job;
import ai.clavata.sdk.model.JobStatus;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** {@code client.jobs().withRawResponse()}: the plain values, with status and headers. */
class RawJobsResponseTest extends MockServerTest {

  private static MockResponse answer(int code, String body, String requestId) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .addHeader("X-Request-Id", requestId)
        .addHeader("X-Trace", "t-1")
        .addHeader("X-Trace", "t-2")
        .body(body)
        .build();
  }

  @Test
  void createCarriesTheStatusTheRequestIdAndTheHeaders() throws Exception {
    String body = jobEnvelope("j1", "JOB_STATUS_COMPLETED");
    server.enqueue(answer(200, body, "req-plain"));
    server.enqueue(answer(201, body, "req-create"));

    Job plain = client.jobs().create(createJob());
    ApiResponse<Job> raw = client.jobs().withRawResponse().create(createJob());

    assertThat(raw.value()).isEqualTo(plain);
    assertThat(raw.value().status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(raw.statusCode()).isEqualTo(201);
    assertThat(raw.requestId()).contains("req-create");
    assertThat(raw.headers()).containsKeys("x-request-id", "content-type", "x-trace");
    assertThat(raw.headers().get("x-trace")).containsExactly("t-1", "t-2");
    assertThat(raw.header("X-TRACE")).contains("t-1");
    server.takeRequest();
    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getMethod() + " " + sent.getUrl().encodedPath()).isEqualTo("POST /v1/jobs");
  }

  @Test
  void getCarriesTheRequestIdAndTheSameJob() throws Exception {
    String body = jobEnvelope("j1", "JOB_STATUS_RUNNING");
    server.enqueue(answer(200, body, "req-1"));
    server.enqueue(answer(200, body, "req-2"));

    Job plain = client.jobs().get("j1");
    ApiResponse<Job> raw = client.jobs().withRawResponse().get("j1");

    assertThat(raw.value()).isEqualTo(plain);
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.requestId()).contains("req-2");
    server.takeRequest();
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/jobs/j1");
  }

  @Test
  void listCarriesTheRequestIdAndThePageWhoseNextPageIsFetchedPlainly() throws Exception {
    String first = page("tok-2", job("j1", "JOB_STATUS_COMPLETED"), job("j2", "JOB_STATUS_FAILED"));
    server.enqueue(answer(200, first, "req-plain"));
    server.enqueue(answer(200, first, "req-list"));
    server.enqueue(answer(200, page("", job("j3", "JOB_STATUS_PENDING")), "req-next"));

    Page<Job> plain = client.jobs().list(ListJobsRequest.builder().pageSize(2).build());
    ApiResponse<Page<Job>> raw =
        client.jobs().withRawResponse().list(ListJobsRequest.builder().pageSize(2).build());

    assertThat(raw.value().items()).isEqualTo(plain.items()).hasSize(2);
    assertThat(raw.value().nextPageToken()).isEqualTo(plain.nextPageToken()).contains("tok-2");
    assertThat(raw.requestId()).contains("req-list");
    assertThat(raw.value().nextPage().items()).extracting(Job::jobUuid).containsExactly("j3");
    server.takeRequest();
    assertThat(server.takeRequest().getUrl().queryParameter("pageSize")).isEqualTo("2");
    assertThat(server.takeRequest().getUrl().queryParameter("pageToken")).isEqualTo("tok-2");
  }

  @Test
  void theNoArgumentListSendsNoFilter() throws Exception {
    server.enqueue(answer(200, page(""), "req-all"));
    ApiResponse<Page<Job>> raw = client.jobs().withRawResponse().list();
    assertThat(raw.value().items()).isEmpty();
    assertThat(raw.requestId()).contains("req-all");
    assertThat(server.takeRequest().getUrl().query()).isNull();
  }

  @Test
  void aResponseWithoutARequestIdHasNone() {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body(jobEnvelope("j1", "JOB_STATUS_RUNNING"))
            .build());
    ApiResponse<Job> raw = client.jobs().withRawResponse().get("j1");
    assertThat(raw.requestId()).isEmpty();
    assertThat(raw.header("x-request-id")).isEmpty();
    assertThat(raw.value().jobUuid()).isEqualTo("j1");
  }

  @Test
  void failuresAreTheSameTypedExceptionsWithTheRequestId() {
    server.enqueue(
        new MockResponse.Builder()
            .code(404)
            .addHeader("X-Request-Id", "req-404")
            .body("{\"code\":5,\"message\":\"no such job\"}")
            .build());
    server.enqueue(answer(200, "{\"job\":null}", "req-null"));

    NotFoundException notFound =
        catchThrowableOfType(
            NotFoundException.class, () -> client.jobs().withRawResponse().get("missing"));
    assertThat(notFound.requestId()).contains("req-404");
    ClavataDecodeException noJob =
        catchThrowableOfType(
            ClavataDecodeException.class,
            () -> client.jobs().withRawResponse().create(createJob()));
    assertThat(noJob).hasMessageContaining("POST /v1/jobs").hasMessageContaining("\"job\"");
  }

  @Test
  void invalidArgumentsAreRefusedBeforeAnythingIsSent() {
    JobsClient.WithRawResponse raw = client.jobs().withRawResponse();
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> raw.get(" ")))
        .hasMessageContaining("jobUuid");
    assertThat(catchThrowableOfType(NullPointerException.class, () -> raw.create(null)))
        .hasMessageContaining("request");
    assertThat(catchThrowableOfType(NullPointerException.class, () -> raw.list(null)))
        .hasMessageContaining("request");
    assertThat(server.getRequestCount()).isZero();
  }
}
