package ai.clavata.sdk;

import static ai.clavata.sdk.TestRequests.createJob;
import static org.assertj.core.api.Assertions.assertThat;

import ai.clavata.sdk.model.ApiResponse;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.Job;
import ai.clavata.sdk.model.PolicyEvaluationReport;
import ai.clavata.sdk.stream.EvaluateRequest;
import ai.clavata.sdk.stream.EvaluationStream;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/**
 * A server that echoes the API key into the headers of a successful response never gets it into an
 * {@link ApiResponse}: its headers, its request id and its {@code toString()} show it masked.
 */
class RawResponseRedactionTest extends MockServerTest {
  private static final String KEY = TestClients.API_KEY;

  private static MockResponse echoing(String body) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .addHeader("X-Request-Id", "req-" + KEY)
        .addHeader("X-Echo-Authorization", "Bearer " + KEY)
        .addHeader("X-Echo-Authorization", KEY)
        .body(body)
        .build();
  }

  private static void assertMasked(ApiResponse<?> response) {
    assertThat(response.headers().toString()).doesNotContain(KEY);
    assertThat(response.toString()).doesNotContain(KEY).contains("[REDACTED]");
    assertThat(response.requestId()).contains("req-[REDACTED]");
    assertThat(response.headers().get("x-echo-authorization"))
        .containsExactly("Bearer [REDACTED]", "[REDACTED]");
    assertThat(response.header("X-Echo-Authorization")).contains("Bearer [REDACTED]");
  }

  @Test
  void aKeyEchoedIntoAJobsResponseHeaderIsMasked() {
    server.enqueue(echoing("{\"job\":{\"jobUuid\":\"j1\",\"status\":\"JOB_STATUS_PENDING\"}}"));
    ApiResponse<Job> raw = client.jobs().withRawResponse().create(createJob());
    assertThat(raw.value().jobUuid()).isEqualTo("j1");
    assertMasked(raw);
  }

  @Test
  void aKeyEchoedIntoABatchResponseHeaderIsMasked() {
    server.enqueue(echoing("{}"));
    assertMasked(client.batch().withRawResponse().start("bj-1"));
  }

  @Test
  void aKeyEchoedIntoAStreamsOpeningHeadersIsMasked() {
    String line =
        "{\"result\":{\"jobUuid\":\"j\",\"policyEvaluationReport\":{\"contentMetadata\":"
            + "{\"clavata-sdk-input-index\":\"0\"}}}}\n";
    server.enqueue(echoing(line));
    server.enqueue(echoing(line));

    ApiResponse<EvaluationStream> opened =
        client.stream()
            .withRawResponse()
            .evaluate(
                EvaluateRequest.builder().policyId("p").addContent(ContentData.text("a")).build());
    try (EvaluationStream results = opened.value()) {
      assertMasked(opened);
      assertThat(results.toList()).hasSize(1);
    }
    ApiResponse<PolicyEvaluationReport> one =
        client.stream().withRawResponse().evaluateOne("p", ContentData.text("a"));
    assertMasked(one);
  }

  @Test
  void aKeyEchoedIntoAnAsyncResponseHeaderIsMasked() throws Exception {
    server.enqueue(echoing("{\"job\":{\"jobUuid\":\"j1\"}}"));
    assertMasked(client.async().jobs().withRawResponse().get("j1").get(5, TimeUnit.SECONDS));
  }
}
