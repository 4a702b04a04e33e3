package ai.clavata.sdk.labels;

import static ai.clavata.sdk.labels.LabelsTestSupport.labels;
import static ai.clavata.sdk.labels.LabelsTestSupport.response;
import static ai.clavata.sdk.labels.LabelsTestSupport.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.MockServerTest;
import ai.clavata.sdk.errors.NotFoundException;
import ai.clavata.sdk.errors.PermissionDeniedException;
import ai.clavata.sdk.model.ApiResponse;
import ai.clavata.sdk.model.Outcome;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** {@code client.async().labels()} and the {@code withRawResponse()} views. */
class LabelsAsyncAndRawTest extends MockServerTest {
  private static final String BODY =
      response(result("lv-1", 0.9, "OUTCOME_TRUE"), result("lv-2", 0.1, "OUTCOME_FALSE"));

  private static MockResponse answer(int code, String body, String requestId) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .addHeader("X-Request-Id", requestId)
        .body(body)
        .build();
  }

  @Test
  void theRawViewCarriesTheStatusTheRequestIdAndTheSameValue() throws Exception {
    server.enqueue(answer(200, BODY, "req-plain"));
    server.enqueue(answer(200, BODY, "req-raw"));

    LabelEvaluation plain = client.labels().evaluate(labels("lv-1", "lv-2"));
    ApiResponse<LabelEvaluation> raw =
        client.labels().withRawResponse().evaluate(labels("lv-1", "lv-2"));

    assertThat(raw.value()).isEqualTo(plain);
    assertThat(raw.value().results().get(0).outcome()).isEqualTo(Outcome.TRUE);
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.requestId()).contains("req-raw");
    server.takeRequest();
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/labels/evaluate");
  }

  @Test
  void theAsyncFutureCompletesWithTheEvaluation() throws Exception {
    server.enqueue(answer(200, BODY, "req-1"));

    LabelEvaluation evaluation =
        client.async().labels().evaluate(labels("lv-1", "lv-2")).get(10, TimeUnit.SECONDS);

    assertThat(evaluation.contentHash()).isEqualTo("fnv1a128::ab");
    assertThat(evaluation.results()).extracting(LabelResult::score).containsExactly(0.9, 0.1);
  }

  @Test
  void theAsyncFutureFailsWithTheTypedErrorAndTheHint() {
    server.enqueue(answer(403, "{\"code\":7,\"message\":\"no\"}", "req-1"));

    assertThatThrownBy(
            () -> client.async().labels().evaluate(labels("lv-1")).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("label-first");
  }

  @Test
  void theAsyncRawViewCompletesWithTheStatusAndHeaders() throws Exception {
    server.enqueue(answer(200, BODY, "req-async-raw"));

    ApiResponse<LabelEvaluation> raw =
        client
            .async()
            .labels()
            .withRawResponse()
            .evaluate(labels("lv-1", "lv-2"))
            .get(10, TimeUnit.SECONDS);

    assertThat(raw.requestId()).contains("req-async-raw");
    assertThat(raw.value().results()).hasSize(2);
  }

  @Test
  void theAsyncRawViewFailsAsTheBlockingOneDoes() {
    server.enqueue(answer(404, "{\"code\":5,\"message\":\"gone\"}", "req-1"));

    assertThatThrownBy(
            () ->
                client
                    .async()
                    .labels()
                    .withRawResponse()
                    .evaluate(labels("lv-1"))
                    .get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(NotFoundException.class);
  }
}
