package ai.clavata.sdk.stream;

import static ai.clavata.sdk.stream.StreamFixtures.errorLine;
import static ai.clavata.sdk.stream.StreamFixtures.request;
import static ai.clavata.sdk.stream.StreamFixtures.result;
import static ai.clavata.sdk.stream.StreamFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.clavata.sdk.errors.BadRequestException;
import ai.clavata.sdk.errors.RateLimitException;
import ai.clavata.sdk.model.ApiResponse;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.EvaluationResult;
import ai.clavata.sdk.model.PolicyEvaluationReport;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import org.junit.jupiter.api.Test;

/** {@code client.stream().withRawResponse()}: the opening response's status and headers. */
class RawStreamResponseTest extends StreamTestBase {

  private static MockResponse stream(String requestId, String body) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/x-ndjson")
        .addHeader("X-Request-Id", requestId)
        .body(body)
        .build();
  }

  private static MockResponse stream(String requestId, MockResponseBody body) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/x-ndjson")
        .addHeader("X-Request-Id", requestId)
        .body(body)
        .build();
  }

  @Test
  void evaluateHandsOverTheHeadersWhileTheStreamIsStillOpen() throws Exception {
    StreamFixtures.GatedBody body = new StreamFixtures.GatedBody(result(1), result(0));
    server.enqueue(stream("req-stream", body));

    ApiResponse<EvaluationStream> raw =
        client.stream().withRawResponse().evaluate(request(2).build());
    try (EvaluationStream results = raw.value()) {
      assertThat(raw.statusCode()).isEqualTo(200);
      assertThat(raw.requestId()).contains("req-stream");
      assertThat(raw.header("content-type")).contains("application/x-ndjson");
      assertThat(body.restWritten).as("the second line is still withheld").isFalse();

      body.gate.countDown();
      assertThat(indexes(results.toList())).containsExactly(1, 0);
    }
    assertThat(body.done.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void evaluateReadsTheSameResultsAsThePlainStream() {
    String lines = result(1) + result(0);
    server.enqueue(stream("req-plain", lines));
    server.enqueue(stream("req-raw", lines));

    List<EvaluationResult> plain = collect(request(2).build());
    ApiResponse<EvaluationStream> raw =
        client.stream().withRawResponse().evaluate(request(2).build());
    try (EvaluationStream results = raw.value()) {
      assertThat(results.toList()).isEqualTo(plain).hasSize(2);
    }
    assertThat(raw.requestId()).contains("req-raw");
  }

  @Test
  void evaluateOneCarriesTheRequestIdAndTheSameReport() {
    server.enqueue(stream("req-plain", result(0)));
    server.enqueue(stream("req-one", result(0)));

    PolicyEvaluationReport plain = client.stream().evaluateOne("p", ContentData.text("x"));
    ApiResponse<PolicyEvaluationReport> raw =
        client.stream().withRawResponse().evaluateOne("p", ContentData.text("x"));

    assertThat(raw.value()).isEqualTo(plain);
    assertThat(raw.value().policyId()).isEqualTo("p");
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.requestId()).contains("req-one");
  }

  @Test
  void evaluateOneThrowsTheErrorLineAsThePlainOneDoes() {
    server.enqueue(stream("req-one", errorLine(status(8, "slow down"))));
    RateLimitException e =
        catchThrowableOfType(
            RateLimitException.class,
            () -> client.stream().withRawResponse().evaluateOne("p", ContentData.text("x")));
    assertThat(e.message()).isEqualTo("slow down");
    assertThat(e.requestId()).contains("req-one");
  }

  @Test
  void anErrorBeforeTheFirstResultIsThrownWithItsRequestId() {
    server.enqueue(
        new MockResponse.Builder()
            .code(400)
            .addHeader("X-Request-Id", "req-bad")
            .body("{\"code\":3,\"message\":\"no policy\"}")
            .build());
    BadRequestException e =
        catchThrowableOfType(
            BadRequestException.class,
            () -> client.stream().withRawResponse().evaluate(request(1).build()));
    assertThat(e.requestId()).contains("req-bad");
  }

  @Test
  void aStreamWithoutARequestIdHasNone() {
    server.enqueue(new MockResponse.Builder().body(result(0)).build());
    ApiResponse<EvaluationStream> raw =
        client.stream().withRawResponse().evaluate(request(1).build());
    try (EvaluationStream results = raw.value()) {
      assertThat(raw.requestId()).isEmpty();
      assertThat(results.toList()).hasSize(1);
    }
  }

  @Test
  void aResubmissionKeepsTheOpeningResponsesHeaders() throws Exception {
    server.enqueue(stream("req-first", result(0) + errorLine(status(8, "slow down"))));
    server.enqueue(stream("req-second", result(1)));

    ApiResponse<EvaluationStream> raw =
        client.stream().withRawResponse().evaluate(request(2).resubmitUnanswered(true).build());
    try (EvaluationStream results = raw.value()) {
      assertThat(indexes(results.toList())).containsExactly(0, 1);
    }
    assertThat(raw.requestId()).contains("req-first");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aNullRequestIsRefusedBeforeAnythingIsSent() {
    assertThat(
            catchThrowableOfType(
                NullPointerException.class, () -> client.stream().withRawResponse().evaluate(null)))
        .hasMessageContaining("request");
    assertThat(
            catchThrowableOfType(
                NullPointerException.class,
                () -> client.stream().withRawResponse().evaluateOne("p", null)))
        .hasMessageContaining("content");
    assertThat(server.getRequestCount()).isZero();
  }
}
