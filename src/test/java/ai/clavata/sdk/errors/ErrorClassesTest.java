package ai.clavata.sdk.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every exception class from the gRPC code or HTTP status of an error response, and which wins. */
class ErrorClassesTest extends ErrorMappingTestBase {
  static Stream<Arguments> gatewayMapping() {
    return Stream.of(
        arguments(400, 3, BadRequestException.class),
        arguments(400, 9, BadRequestException.class),
        arguments(400, 11, BadRequestException.class),
        arguments(401, 16, AuthenticationException.class),
        arguments(403, 7, PermissionDeniedException.class),
        arguments(404, 5, NotFoundException.class),
        arguments(409, 6, ConflictException.class),
        arguments(409, 10, ConflictException.class),
        arguments(429, 8, RateLimitException.class),
        arguments(499, 1, ContentRefusedException.class),
        arguments(500, 2, ServerException.class),
        arguments(504, 4, ServerException.class),
        arguments(501, 12, ServerException.class),
        arguments(500, 13, ServerException.class),
        arguments(503, 14, ServerException.class),
        arguments(500, 15, ServerException.class));
  }

  @ParameterizedTest(name = "HTTP {0} with code {1} -> {2}")
  @MethodSource("gatewayMapping")
  void classifiesAGatewayStatusBody(
      int http, int code, Class<? extends ClavataApiException> expected) {
    ClavataApiException e =
        errorFor(
            new MockResponse.Builder()
                .code(http)
                .addHeader("Content-Type", "application/json")
                .addHeader("X-Request-Id", "req-" + code)
                .body(statusBody(code, "went wrong " + code))
                .build());

    GrpcCode grpc = GrpcCode.forNumber(code).orElseThrow();
    assertThat(e).isExactlyInstanceOf(expected);
    assertThat(e.httpStatus()).isEqualTo(http);
    assertThat(e.grpcCode()).contains(grpc);
    assertThat(e.message()).isEqualTo("went wrong " + code);
    assertThat(e.details()).isEmpty();
    assertThat(e.requestId()).contains("req-" + code);
    assertThat(e.getMessage())
        .isEqualTo(
            "HTTP "
                + http
                + " "
                + grpc.name()
                + ": went wrong "
                + code
                + " (request id req-"
                + code
                + ")");
  }

  // ---------------------------------------------------------------------------------------------
  // 1b. From the HTTP status alone, when the body carries no code.

  static Stream<Arguments> statusOnly() {
    return Stream.of(
        arguments(400, BadRequestException.class),
        arguments(401, AuthenticationException.class),
        arguments(403, PermissionDeniedException.class),
        arguments(404, NotFoundException.class),
        arguments(409, ConflictException.class),
        arguments(429, RateLimitException.class),
        arguments(499, ContentRefusedException.class),
        arguments(500, ServerException.class),
        arguments(501, ServerException.class),
        arguments(502, ServerException.class),
        arguments(503, ServerException.class),
        arguments(504, ServerException.class),
        arguments(599, ServerException.class),
        arguments(418, UnexpectedStatusException.class),
        arguments(422, UnexpectedStatusException.class),
        arguments(302, UnexpectedStatusException.class));
  }

  @ParameterizedTest(name = "HTTP {0} without code -> {1}")
  @MethodSource("statusOnly")
  void classifiesByHttpStatusWhenTheBodyHasNoCode(
      int http, Class<? extends ClavataApiException> expected) {
    ClavataApiException e = errorFor(status(http, "{\"message\":\"plain message\"}"));

    assertThat(e).isExactlyInstanceOf(expected);
    assertThat(e.httpStatus()).isEqualTo(http);
    assertThat(e.grpcCode()).isEmpty();
    assertThat(e.message()).isEqualTo("plain message");
    assertThat(e.requestId()).isEmpty();
    assertThat(e.getMessage()).isEqualTo("HTTP " + http + ": plain message");
  }

  // ---------------------------------------------------------------------------------------------
  // 1c. The body's code wins over the status line.

  static Stream<Arguments> codeBeatsStatus() {
    return Stream.of(
        arguments(1, ContentRefusedException.class),
        arguments(2, ServerException.class),
        arguments(3, BadRequestException.class),
        arguments(4, ServerException.class),
        arguments(5, NotFoundException.class),
        arguments(6, ConflictException.class),
        arguments(7, PermissionDeniedException.class),
        arguments(8, RateLimitException.class),
        arguments(9, BadRequestException.class),
        arguments(10, ConflictException.class),
        arguments(11, BadRequestException.class),
        arguments(12, ServerException.class),
        arguments(13, ServerException.class),
        arguments(14, ServerException.class),
        arguments(15, ServerException.class),
        arguments(16, AuthenticationException.class));
  }

  @ParameterizedTest(name = "HTTP 500 with code {0} -> {1}")
  @MethodSource("codeBeatsStatus")
  void prefersTheBodyCodeOverTheStatusLine(
      int code, Class<? extends ClavataApiException> expected) {
    ClavataApiException e = errorFor(status(500, statusBody(code, "by code")));

    GrpcCode grpc = GrpcCode.forNumber(code).orElseThrow();
    assertThat(e).isExactlyInstanceOf(expected);
    assertThat(e.httpStatus()).isEqualTo(500);
    assertThat(e.grpcCode()).contains(grpc);
    assertThat(e.message()).isEqualTo("by code");
    assertThat(e.getMessage()).isEqualTo("HTTP 500 " + grpc.name() + ": by code");
  }

  @ParameterizedTest(name = "HTTP 418 with code {0} -> {1}")
  @MethodSource("codeBeatsStatus")
  void classifiesAnUnknownStatusByItsBodyCode(
      int code, Class<? extends ClavataApiException> expected) {
    ClavataApiException e = errorFor(status(418, statusBody(code, "teapot")));

    assertThat(e).isExactlyInstanceOf(expected);
    assertThat(e.httpStatus()).isEqualTo(418);
    assertThat(e.grpcCode()).contains(GrpcCode.forNumber(code).orElseThrow());
  }

  @Test
  void readsACodeSentAsItsName() {
    ClavataApiException e = errorFor(status(500, "{\"code\":\"NOT_FOUND\",\"message\":\"gone\"}"));

    assertThat(e).isExactlyInstanceOf(NotFoundException.class);
    assertThat(e.grpcCode()).contains(GrpcCode.NOT_FOUND);
  }

  @Test
  void fallsBackToTheStatusForAnUnknownOrOkCode() {
    ClavataApiException unknown = errorFor(status(403, statusBody(99, "odd code")));
    assertThat(unknown).isExactlyInstanceOf(PermissionDeniedException.class);
    assertThat(unknown.grpcCode()).isEmpty();
    assertThat(unknown.message()).isEqualTo("odd code");

    ClavataApiException ok = errorFor(status(404, statusBody(0, "ok code")));
    assertThat(ok).isExactlyInstanceOf(NotFoundException.class);
    assertThat(ok.grpcCode()).contains(GrpcCode.OK);
  }

  @Test
  void keepsTheDetailsOfAStatus() {
    ClavataApiException e =
        errorFor(
            status(
                400,
                "{\"code\":3,\"message\":\"bad field\",\"details\":[{\"@type\":"
                    + "\"type.googleapis.com/google.rpc.BadRequest\",\"fieldViolations\":"
                    + "[{\"field\":\"policyId\",\"description\":\"required\"}]}]}"));

    assertThat(e).isExactlyInstanceOf(BadRequestException.class);
    assertThat(e.details()).hasSize(1);
    Map<String, Object> detail = e.details().get(0);
    assertThat(detail)
        .containsEntry("@type", "type.googleapis.com/google.rpc.BadRequest")
        .containsKey("fieldViolations");
    assertThat(detail.get("fieldViolations"))
        .isEqualTo(List.of(Map.of("field", "policyId", "description", "required")));
  }

  @Test
  void aRateLimitCarriesTheRetryAfterTheServerAskedFor() {
    RateLimitException e =
        (RateLimitException)
            errorFor(
                new MockResponse.Builder()
                    .code(429)
                    .addHeader("Retry-After", "7")
                    .body(statusBody(8, "slow down"))
                    .build());

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(e.getMessage()).isEqualTo("HTTP 429 RESOURCE_EXHAUSTED: slow down");
  }

  @Test
  void aRateLimitWithoutRetryAfterHasNone() {
    RateLimitException e = (RateLimitException) errorFor(status(429, statusBody(8, "quota")));

    assertThat(e.retryAfter()).isEmpty();
  }
}
