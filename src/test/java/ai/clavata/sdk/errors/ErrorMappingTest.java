package ai.clavata.sdk.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.FakeTiming;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.jobs.CreateJobRequest;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.PrecheckFailureType;
import ai.clavata.sdk.model.PrecheckMatchConfidence;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How error responses become typed exceptions: by gRPC code first, else by HTTP status. */
class ErrorMappingTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private final FakeTiming timing = new FakeTiming();

  /** GETs a job with retries off and returns what it threw. */
  private ClavataApiException errorFor(MockResponse response) {
    server.enqueue(response);
    int before = server.getRequestCount();
    try (ClavataClient client = TestClients.builder(server, timing).maxRetries(0).build()) {
      ClavataApiException e =
          catchThrowableOfType(ClavataApiException.class, () -> client.jobs().get("job-1"));
      assertThat(e).as("an API exception was thrown").isNotNull();
      assertThat(server.getRequestCount() - before).as("requests sent").isEqualTo(1);
      return e;
    }
  }

  private static MockResponse status(int http, String body) {
    return new MockResponse.Builder()
        .code(http)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private static String statusBody(int code, String message) {
    return "{\"code\":" + code + ",\"message\":\"" + message + "\",\"details\":[]}";
  }

  // ---------------------------------------------------------------------------------------------
  // 1. Every class, from the HTTP status its code maps to (per the gateway's table).

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
        .isEqualTo("HTTP " + http + " " + grpc.name() + ": went wrong " + code + " (request id req-" + code + ")");
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

  // ---------------------------------------------------------------------------------------------
  // 3. Body forms.

  @Test
  void unwrapsAnErrorWrapper() {
    ClavataApiException e =
        errorFor(
            status(
                429,
                "{\"error\":{\"code\":8,\"message\":\"wrapped\",\"details\":[{\"@type\":\"x\"}]}}"));

    assertThat(e).isExactlyInstanceOf(RateLimitException.class);
    assertThat(e.grpcCode()).contains(GrpcCode.RESOURCE_EXHAUSTED);
    assertThat(e.message()).isEqualTo("wrapped");
    assertThat(e.details()).containsExactly(Map.of("@type", "x"));
  }

  @Test
  void readsAnErrorString() {
    ClavataApiException e = errorFor(status(404, "{\"error\":\"no such route\"}"));

    assertThat(e).isExactlyInstanceOf(NotFoundException.class);
    assertThat(e.grpcCode()).isEmpty();
    assertThat(e.message()).isEqualTo("no such route");
    assertThat(e.getMessage()).isEqualTo("HTTP 404: no such route");
  }

  @Test
  void keepsABoundedFoldedExcerptOfAProxyHtmlPage() {
    StringBuilder html =
        new StringBuilder(
            "<html>\r\n  <head><title>502 Bad Gateway</title></head>\n\t<body>\n");
    for (int i = 0; i < 100; i++) {
      html.append("    <p>upstream   connect error\t").append(i).append("</p>\n");
    }
    html.append("</body>\n</html>\n");
    ClavataApiException e =
        errorFor(
            new MockResponse.Builder()
                .code(502)
                .addHeader("Content-Type", "text/html")
                .addHeader("X-Request-Id", "edge-42")
                .body(html.toString())
                .build());

    assertThat(e).isExactlyInstanceOf(ServerException.class);
    assertThat(e.httpStatus()).isEqualTo(502);
    assertThat(e.grpcCode()).isEmpty();
    assertThat(e.details()).isEmpty();
    assertThat(e.message())
        .startsWith("<html> <head><title>502 Bad Gateway</title></head> <body> <p>upstream connect error 0</p>")
        .endsWith("…")
        .doesNotContain("\n", "\r", "\t", "  ");
    assertThat(e.message().length()).isLessThanOrEqualTo(513).isGreaterThanOrEqualTo(500);
    assertThat(e.getMessage())
        .startsWith("HTTP 502: <html> <head>")
        .endsWith("… (request id edge-42)");
    assertThat(e.requestId()).contains("edge-42");
  }

  @Test
  void keepsAShortNonJsonBodyWhole() {
    ClavataApiException e = errorFor(status(503, "  upstream\n  overloaded  "));

    assertThat(e).isExactlyInstanceOf(ServerException.class);
    assertThat(e.message()).isEqualTo("upstream overloaded");
  }

  @Test
  void readsAnEmptyBody() {
    ClavataApiException e =
        errorFor(new MockResponse.Builder().code(503).addHeader("X-Request-Id", "r-1").build());

    assertThat(e).isExactlyInstanceOf(ServerException.class);
    assertThat(e.grpcCode()).isEmpty();
    assertThat(e.message()).isEmpty();
    assertThat(e.details()).isEmpty();
    assertThat(e.getMessage()).isEqualTo("HTTP 503 (request id r-1)");
  }

  @Test
  void anEmptyBodyWithoutRequestIdIsJustTheStatus() {
    ClavataApiException e = errorFor(new MockResponse.Builder().code(401).build());

    assertThat(e).isExactlyInstanceOf(AuthenticationException.class);
    assertThat(e.getMessage()).isEqualTo("HTTP 401");
    assertThat(e).hasToString(AuthenticationException.class.getName() + ": HTTP 401");
  }

  @Test
  void readsJsonThatIsNotAStatusAsAnExcerpt() {
    ClavataApiException e = errorFor(status(500, "{\"unexpected\":true}"));

    assertThat(e).isExactlyInstanceOf(ServerException.class);
    assertThat(e.grpcCode()).isEmpty();
    assertThat(e.message()).isEqualTo("{\"unexpected\":true}");
  }

  @Test
  void exposesHeadersWithLowerCaseNamesAndTheRequestId() {
    ClavataApiException e =
        errorFor(
            new MockResponse.Builder()
                .code(404)
                .addHeader("X-Request-Id", "abc-123")
                .addHeader("X-Custom-Thing", "one")
                .addHeader("X-Custom-Thing", "two")
                .body(statusBody(5, "job not found"))
                .build());

    assertThat(e.requestId()).contains("abc-123");
    assertThat(e.headers()).containsKey("x-request-id").containsKey("x-custom-thing");
    assertThat(e.headers().keySet()).allSatisfy(name -> assertThat(name).isLowerCase());
    assertThat(e.headers().get("x-custom-thing")).containsExactly("one", "two");
    assertThat(e.error().header("X-REQUEST-ID")).contains("abc-123");
    assertThat(e.error().header("x-absent")).isEmpty();
    assertThat(e.getMessage()).isEqualTo("HTTP 404 NOT_FOUND: job not found (request id abc-123)");
  }

  @Test
  void takesTheRequestIdFromGrpcMetadataWhenThatIsAllThereIs() {
    ClavataApiException e =
        errorFor(
            new MockResponse.Builder()
                .code(500)
                .addHeader("Grpc-Metadata-X-Request-Id", "grpc-7")
                .body(statusBody(13, "boom"))
                .build());

    assertThat(e.requestId()).contains("grpc-7");
  }

  // ---------------------------------------------------------------------------------------------
  // 2. Refusals.

  private static final String NCMEC_DETAIL =
      "{\"@type\":\"type.googleapis.com/clavata.gateway.v1.PrecheckFailure\","
          + "\"type\":\"PRECHECK_FAILURE_TYPE_NCMEC\","
          + "\"message\":\"content matched a known hash\","
          + "\"details\":\"5d41402abc4b2a76b9719d911017c592\","
          + "\"matchConfidence\":\"PRECHECK_MATCH_CONFIDENCE_EXACT\"}";

  @Test
  void readsARefusalSentAs499Cancelled() {
    ClavataApiException e =
        errorFor(status(499, "{\"code\":1,\"message\":\"refused\",\"details\":[" + NCMEC_DETAIL + "]}"));

    assertThat(e).isExactlyInstanceOf(ContentRefusedException.class);
    ContentRefusedException refused = (ContentRefusedException) e;
    assertThat(refused.httpStatus()).isEqualTo(499);
    assertThat(refused.grpcCode()).contains(GrpcCode.CANCELLED);
    assertThat(refused.message()).isEqualTo("refused");
    assertThat(refused.details()).hasSize(1);
    assertThat(refused.details().get(0))
        .containsEntry("@type", "type.googleapis.com/clavata.gateway.v1.PrecheckFailure")
        .containsEntry("details", "5d41402abc4b2a76b9719d911017c592");
    assertThat(refused.failures())
        .containsExactly(
            new PrecheckFailure(
                PrecheckFailureType.NCMEC,
                "content matched a known hash",
                "5d41402abc4b2a76b9719d911017c592",
                PrecheckMatchConfidence.EXACT));
    assertThat(refused.getMessage()).isEqualTo("HTTP 499 CANCELLED: refused");
  }

  @Test
  void readsARefusalSentAsFailedPreconditionWithAPrecheckDetail() {
    ClavataApiException e =
        errorFor(
            status(400, "{\"code\":9,\"message\":\"precheck failed\",\"details\":[" + NCMEC_DETAIL + "]}"));

    assertThat(e).isExactlyInstanceOf(ContentRefusedException.class);
    ContentRefusedException refused = (ContentRefusedException) e;
    assertThat(refused.httpStatus()).isEqualTo(400);
    assertThat(refused.grpcCode()).contains(GrpcCode.FAILED_PRECONDITION);
    assertThat(refused.failures()).hasSize(1);
    PrecheckFailure failure = refused.failures().get(0);
    assertThat(failure.type()).isEqualTo(PrecheckFailureType.NCMEC);
    assertThat(failure.message()).isEqualTo("content matched a known hash");
    assertThat(failure.contentHash()).isEqualTo("5d41402abc4b2a76b9719d911017c592");
    assertThat(failure.matchConfidence())
        .isEqualTo(PrecheckMatchConfidence.EXACT);
  }

  @Test
  void failedPreconditionWithoutAPrecheckDetailIsABadRequest() {
    ClavataApiException e =
        errorFor(
            status(
                400,
                "{\"code\":9,\"message\":\"not ready\",\"details\":[{\"@type\":"
                    + "\"type.googleapis.com/google.rpc.PreconditionFailure\",\"violations\":[]}]}"));

    assertThat(e).isExactlyInstanceOf(BadRequestException.class);
    assertThat(e.details()).hasSize(1);
  }

  @Test
  void readsAPrecheckDetailWithoutAtType() {
    ClavataApiException e =
        errorFor(
            status(
                499,
                "{\"code\":1,\"message\":\"bad image\",\"details\":[{\"type\":"
                    + "\"PRECHECK_FAILURE_TYPE_INVALID_IMAGE\",\"message\":\"corrupt jpeg\"}]}"));

    ContentRefusedException refused = (ContentRefusedException) e;
    assertThat(refused.failures())
        .containsExactly(
            new PrecheckFailure(
                PrecheckFailureType.INVALID_IMAGE,
                "corrupt jpeg",
                null,
                PrecheckMatchConfidence.UNSPECIFIED));
  }

  @Test
  void keepsEveryPrecheckFailureInOrderAndSkipsOtherDetails() {
    ClavataApiException e =
        errorFor(
            status(
                400,
                "{\"code\":9,\"message\":\"two\",\"details\":["
                    + "{\"@type\":\"type.googleapis.com/google.rpc.DebugInfo\",\"detail\":\"x\"},"
                    + NCMEC_DETAIL
                    + ",{\"@type\":\"type.googleapis.com/clavata.gateway.v1.PrecheckFailure\","
                    + "\"type\":\"PRECHECK_FAILURE_TYPE_UNSUPPORTED_IMAGE_FORMAT\",\"message\":\"gif\"}]}"));

    ContentRefusedException refused = (ContentRefusedException) e;
    assertThat(refused.details()).hasSize(3);
    assertThat(refused.failures())
        .extracting(PrecheckFailure::type)
        .containsExactly(
            PrecheckFailureType.NCMEC,
            PrecheckFailureType.UNSUPPORTED_IMAGE_FORMAT);
  }

  @Test
  void a499WithoutBodyIsStillARefusal() {
    ClavataApiException e = errorFor(new MockResponse.Builder().code(499).build());

    assertThat(e).isExactlyInstanceOf(ContentRefusedException.class);
    assertThat(((ContentRefusedException) e).failures()).isEmpty();
    assertThat(e.getMessage()).isEqualTo("HTTP 499");
  }

  @Test
  void aRefusalIsNotRetried() {
    server.enqueue(status(499, "{\"code\":1,\"message\":\"refused\",\"details\":[" + NCMEC_DETAIL + "]}"));
    try (ClavataClient client = TestClients.client(server, timing)) {
      ContentRefusedException e =
          catchThrowableOfType(
              ContentRefusedException.class,
              () ->
                  client
                      .jobs()
                      .create(
                          CreateJobRequest.builder()
                              .policyId("p")
                              .addContent(ContentData.text("x"))
                              .build()));
      assertThat(e).isNotNull();
      assertThat(e.failures()).hasSize(1);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(timing.sleeps()).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // ApiError and the exceptions built by hand.

  @Test
  void buildsExceptionsByHandForUsersTests() {
    NotFoundException e = new NotFoundException(ApiError.of(404, GrpcCode.NOT_FOUND, "job not found"));

    assertThat(e.httpStatus()).isEqualTo(404);
    assertThat(e.grpcCode()).contains(GrpcCode.NOT_FOUND);
    assertThat(e.details()).isEmpty();
    assertThat(e.headers()).isEmpty();
    assertThat(e.requestId()).isEmpty();
    assertThat(e.getMessage()).isEqualTo("HTTP 404 NOT_FOUND: job not found");
    assertThat(e).isInstanceOf(ClavataException.class).isInstanceOf(RuntimeException.class);

    ApiError nulls = new ApiError(500, null, null, null, null, null);
    assertThat(nulls.message()).isEmpty();
    assertThat(nulls.details()).isEmpty();
    assertThat(nulls.headers()).isEmpty();
    assertThat(new ServerException(nulls).getMessage()).isEqualTo("HTTP 500");
  }

  @Test
  void grpcCodesHaveTheirWireNumbers() {
    assertThat(GrpcCode.forNumber(0)).contains(GrpcCode.OK);
    assertThat(GrpcCode.forNumber(1)).contains(GrpcCode.CANCELLED);
    assertThat(GrpcCode.forNumber(9)).contains(GrpcCode.FAILED_PRECONDITION);
    assertThat(GrpcCode.forNumber(16)).contains(GrpcCode.UNAUTHENTICATED);
    assertThat(GrpcCode.forNumber(17)).isEmpty();
    assertThat(GrpcCode.forNumber(-1)).isEmpty();
    for (GrpcCode code : GrpcCode.values()) {
      assertThat(GrpcCode.forNumber(code.number())).contains(code);
    }
    assertThat(GrpcCode.UNAUTHENTICATED.number()).isEqualTo(16);
  }
}
