package ai.clavata.sdk.labels;

import static ai.clavata.sdk.TestResponses.ok;
import static ai.clavata.sdk.labels.LabelsTestSupport.labels;
import static ai.clavata.sdk.labels.LabelsTestSupport.response;
import static ai.clavata.sdk.labels.LabelsTestSupport.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.MockServerTest;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.TestResponses;
import ai.clavata.sdk.errors.BadRequestException;
import ai.clavata.sdk.errors.ClavataApiException;
import ai.clavata.sdk.errors.ClavataTimeoutException;
import ai.clavata.sdk.errors.GrpcCode;
import ai.clavata.sdk.errors.NotFoundException;
import ai.clavata.sdk.errors.PermissionDeniedException;
import ai.clavata.sdk.errors.ServerException;
import ai.clavata.sdk.model.Outcome;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import okhttp3.Interceptor;
import org.junit.jupiter.api.Test;

/** Errors of the whole call, the label-first hint, and which failures are retried. */
class LabelsErrorsTest extends MockServerTest {

  private static MockResponse status(int http, int grpc, String message) {
    return new MockResponse.Builder()
        .code(http)
        .addHeader("Content-Type", "application/json")
        .addHeader("X-Request-Id", "req-9")
        .body("{\"code\":" + grpc + ",\"message\":\"" + message + "\",\"details\":[]}")
        .build();
  }

  @Test
  void anErrorOfTheWholeCallIsTheTypedException() {
    server.enqueue(status(404, 5, "no such route"));

    NotFoundException e =
        catchThrowableOfType(
            NotFoundException.class, () -> client.labels().evaluate(labels("lv-1")));
    assertThat(e).isNotNull();

    assertThat(e.message()).isEqualTo("no such route");
    assertThat(e.requestId()).contains("req-9");
    assertThat(e.getCause()).isNull();
  }

  @Test
  void permissionDeniedSaysALabelFirstAccountIsNeeded() {
    server.enqueue(status(403, 7, "labels are not enabled"));

    PermissionDeniedException e =
        catchThrowableOfType(
            PermissionDeniedException.class, () -> client.labels().evaluate(labels("lv-1")));

    assertThat(e.getClass()).isEqualTo(PermissionDeniedException.class);
    assertThat(e.getMessage())
        .startsWith("HTTP 403 PERMISSION_DENIED: labels are not enabled; label evaluation needs")
        .contains("label-first Clavata account")
        .endsWith("(request id req-9)");
    assertThat(e.httpStatus()).isEqualTo(403);
    assertThat(e.grpcCode()).contains(GrpcCode.PERMISSION_DENIED);
    assertThat(e.requestId()).contains("req-9");
    assertThat(e.headers()).containsKey("x-request-id");
    assertThat(e.getCause()).isInstanceOf(PermissionDeniedException.class);
    assertThat(((ClavataApiException) e.getCause()).message()).isEqualTo("labels are not enabled");
  }

  @Test
  void failedPreconditionSaysALabelFirstAccountIsNeeded() {
    server.enqueue(status(400, 9, "account is not label-first"));

    BadRequestException e =
        catchThrowableOfType(
            BadRequestException.class, () -> client.labels().evaluate(labels("lv-1")));

    assertThat(e.getClass()).isEqualTo(BadRequestException.class);
    assertThat(e.grpcCode()).contains(GrpcCode.FAILED_PRECONDITION);
    assertThat(e.message())
        .startsWith("account is not label-first; ")
        .contains("label-first Clavata account");
    assertThat(e.getCause()).isInstanceOf(BadRequestException.class);
  }

  @Test
  void anInvalidArgumentGetsNoLabelFirstHint() {
    server.enqueue(status(400, 3, "labelVersionIds: invalid uuid"));

    BadRequestException e =
        catchThrowableOfType(
            BadRequestException.class, () -> client.labels().evaluate(labels("lv-1")));

    assertThat(e.message()).isEqualTo("labelVersionIds: invalid uuid");
    assertThat(e.getMessage()).doesNotContain("label-first");
    assertThat(e.getCause()).isNull();
  }

  @Test
  void theRawViewGivesTheSameHint() {
    server.enqueue(status(403, 7, ""));

    PermissionDeniedException e =
        catchThrowableOfType(
            PermissionDeniedException.class,
            () -> client.labels().withRawResponse().evaluate(labels("lv-1")));

    assertThat(e.message()).startsWith("label evaluation needs a label-first Clavata account");
  }

  @Test
  void aServerErrorIsNotRetriedBecauseEachLabelVersionIsABilledJob() {
    server.enqueue(status(500, 13, "boom"));
    server.enqueue(ok(response(result("lv-1", 0.9, "OUTCOME_TRUE"))));

    assertThatThrownBy(() -> client.labels().evaluate(labels("lv-1")))
        .isInstanceOf(ServerException.class);

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aReadTimeoutIsNotRetried() {
    AtomicInteger attempts = new AtomicInteger();
    Interceptor timesOutOnce =
        chain -> {
          if (attempts.incrementAndGet() == 1) {
            throw new SocketTimeoutException("timeout");
          }
          return chain.proceed(chain.request());
        };
    server.enqueue(ok(response(result("lv-1", 0.9, "OUTCOME_TRUE"))));

    try (ClavataClient timingOut =
        TestClients.builder(server, timing).addInterceptor(timesOutOnce).build()) {
      assertThatThrownBy(() -> timingOut.labels().evaluate(labels("lv-1")))
          .isInstanceOf(ClavataTimeoutException.class)
          .hasMessageStartingWith("POST /v1/labels/evaluate");
    }
    assertThat(attempts).hasValue(1);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aServerErrorIsRetriedWhenOptedIn() {
    server.enqueue(status(500, 13, "boom"));
    server.enqueue(ok(response(result("lv-1", 0.9, "OUTCOME_TRUE"))));

    try (ClavataClient retrying = client.withOptions(o -> o.retryNonIdempotent(true))) {
      assertThat(retrying.labels().evaluate(labels("lv-1")).results().get(0).outcome())
          .isEqualTo(Outcome.TRUE);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void unavailableIsRetriedBecauseNothingWasEvaluated() {
    server.enqueue(TestResponses.unavailable("1"));
    server.enqueue(ok(response(result("lv-1", 0.9, "OUTCOME_TRUE"))));

    LabelEvaluation evaluation = client.labels().evaluate(labels("lv-1"));

    assertThat(evaluation.results().get(0).score()).isEqualTo(0.9);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(1));
  }
}
