package ai.clavata.sdk.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** The forms an error body takes: a Status, a wrapped Status, text, HTML, nothing. */
class ErrorBodyFormsTest extends ErrorMappingTestBase {
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
        new StringBuilder("<html>\r\n  <head><title>502 Bad Gateway</title></head>\n\t<body>\n");
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
        .startsWith(
            "<html> <head><title>502 Bad Gateway</title></head> <body> <p>upstream connect error 0</p>")
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
}
