package ai.clavata.sdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clavata.sdk.errors.ClavataApiException;
import ai.clavata.sdk.errors.ClavataIoException;
import ai.clavata.sdk.errors.ClavataTimeoutException;
import ai.clavata.sdk.errors.ContentRefusedException;
import ai.clavata.sdk.errors.RateLimitException;
import ai.clavata.sdk.errors.ServerException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** The pieces that turn network text and failures into exception messages. */
class ErrorTextTest {
  private static final Redactor REDACTOR = new Redactor(() -> "ck_unit_key_123456");

  // ErrorBodies.excerpt -------------------------------------------------------------------------

  @Test
  void excerptFoldsWhitespaceAndTrims() {
    assertThat(ErrorBodies.excerpt("  a\n\n b\t\tc \r\n")).isEqualTo("a b c");
    assertThat(ErrorBodies.excerpt(null)).isEmpty();
    assertThat(ErrorBodies.excerpt("")).isEmpty();
  }

  @Test
  void excerptKeepsExactlyTheLimitAndCutsBeyondIt() {
    String limit = "a".repeat(ErrorBodies.EXCERPT_CHARS);
    assertThat(ErrorBodies.excerpt(limit)).isEqualTo(limit);
    assertThat(ErrorBodies.excerpt(limit + "b")).isEqualTo(limit + "…");
    assertThat(ErrorBodies.excerpt("x".repeat(100_000))).hasSize(ErrorBodies.EXCERPT_CHARS + 1);
  }

  // ErrorBodies.toException ---------------------------------------------------------------------

  @Test
  void passesTheRetryAfterToARateLimit() {
    ClavataApiException e =
        ErrorBodies.toException(429, Headers.of(), "{\"code\":8}", Duration.ofSeconds(3), REDACTOR);

    assertThat(e).isExactlyInstanceOf(RateLimitException.class);
    assertThat(((RateLimitException) e).retryAfter()).contains(Duration.ofSeconds(3));
  }

  @Test
  void aBodyCodeOfResourceExhaustedIsARateLimitWhateverTheStatus() {
    ClavataApiException e =
        ErrorBodies.toException(
            503,
            Headers.of(),
            "{\"code\":8,\"message\":\"quota\"}",
            Duration.ofSeconds(9),
            REDACTOR);

    assertThat(e).isExactlyInstanceOf(RateLimitException.class);
    assertThat(((RateLimitException) e).retryAfter()).contains(Duration.ofSeconds(9));
  }

  @Test
  void aPrecheckDetailMakesARefusalWhateverTheCode() {
    ClavataApiException e =
        ErrorBodies.toException(
            500,
            Headers.of(),
            "{\"code\":13,\"details\":[{\"type\":\"PRECHECK_FAILURE_TYPE_UNSUPPORTED_IMAGE_FORMAT\"}]}",
            null,
            REDACTOR);

    assertThat(e).isExactlyInstanceOf(ContentRefusedException.class);
    assertThat(((ContentRefusedException) e).failures()).hasSize(1);
  }

  @Test
  void ignoresDetailsThatAreNotObjectsAndAPrecheckDetailWithAnotherAtType() {
    ClavataApiException e =
        ErrorBodies.toException(
            500,
            Headers.of(),
            "{\"code\":13,\"message\":\"m\",\"details\":[\"text\",42,{\"@type\":\"type.googleapis.com/other.v1.Thing\","
                + "\"type\":\"PRECHECK_FAILURE_TYPE_NCMEC\"}]}",
            null,
            REDACTOR);

    assertThat(e).isExactlyInstanceOf(ServerException.class);
    assertThat(e.details()).hasSize(1);
  }

  @Test
  void anErrorStringNextToAMessageIsNotAStatus() {
    ClavataApiException e =
        ErrorBodies.toException(
            400, Headers.of(), "{\"error\":\"x\",\"message\":\"y\"}", null, REDACTOR);

    assertThat(e.message()).isEqualTo("y");
  }

  @Test
  void brokenJsonIsKeptAsAnExcerpt() {
    ClavataApiException e =
        ErrorBodies.toException(
            500, Headers.of(), "{\"code\":13,\"message\":\"cut", null, REDACTOR);

    assertThat(e).isExactlyInstanceOf(ServerException.class);
    assertThat(e.grpcCode()).isEmpty();
    assertThat(e.message()).isEqualTo("{\"code\":13,\"message\":\"cut");
  }

  @Test
  void findsTheRequestIdUnderItsCommonNames() {
    for (String name :
        new String[] {
          "X-Request-Id", "Request-Id", "Grpc-Metadata-X-Request-Id", "X-Amzn-RequestId"
        }) {
      ClavataApiException e =
          ErrorBodies.toException(500, Headers.of(name, "rid"), "", null, REDACTOR);
      assertThat(e.requestId()).as(name).contains("rid");
    }
    assertThat(
            ErrorBodies.toException(500, Headers.of("X-Request-Id", " "), "", null, REDACTOR)
                .requestId())
        .isEmpty();
  }

  // Redactor ------------------------------------------------------------------------------------

  @Test
  void redactsEveryOccurrenceOfTheKey() {
    assertThat(REDACTOR.redact("a ck_unit_key_123456 b ck_unit_key_123456"))
        .isEqualTo("a [REDACTED] b [REDACTED]");
    assertThat(REDACTOR.redact("nothing here")).isEqualTo("nothing here");
    assertThat(REDACTOR.redact((String) null)).isNull();
    assertThat(REDACTOR.redact("")).isEmpty();
  }

  @Test
  void redactsAKeySuppliedWithSurroundingWhitespace() {
    assertThat(new Redactor(() -> " ck_spaced_key \n").redact("x ck_spaced_key y"))
        .isEqualTo("x [REDACTED] y");
  }

  @Test
  void leavesTextAloneWhenTheKeyIsUnusable() {
    assertThat(new Redactor(() -> "abc").redact("abcabc")).isEqualTo("abcabc");
    assertThat(new Redactor(() -> null).redact("text")).isEqualTo("text");
    assertThat(
            new Redactor(
                    () -> {
                      throw new IllegalStateException("vault down");
                    })
                .redact("text"))
        .isEqualTo("text");
  }

  // IoErrors ------------------------------------------------------------------------------------

  @Test
  void aReadTimeoutNamesReadTimeout() {
    ClavataIoException e =
        IoErrors.toException("GET /v1/jobs/j", new SocketTimeoutException("timeout"), REDACTOR);

    assertThat(e).isExactlyInstanceOf(ClavataTimeoutException.class);
    assertThat(e.getMessage())
        .isEqualTo(
            "GET /v1/jobs/j timed out waiting for data; raise readTimeout(...) if responses are slow (timeout)");
  }

  @Test
  void aConnectTimeoutNamesConnectTimeout() {
    ClavataIoException e =
        IoErrors.toException(
            "GET /v1/jobs/j", new SocketTimeoutException("Connect timed out"), REDACTOR);

    assertThat(e).isExactlyInstanceOf(ClavataTimeoutException.class);
    assertThat(e.getMessage()).contains("connectTimeout(...)").doesNotContain("readTimeout");
  }

  @Test
  void theCallTimeoutNamesTimeout() {
    ClavataIoException e =
        IoErrors.toException("POST /v1/jobs", new InterruptedIOException("timeout"), REDACTOR);

    assertThat(e).isExactlyInstanceOf(ClavataTimeoutException.class);
    assertThat(e.getMessage()).contains("call timeout").contains("timeout(...)");
  }

  @Test
  void aCancellationIsNotATimeout() {
    ClavataIoException e =
        IoErrors.toException("GET /v1/jobs/j", new InterruptedIOException("Canceled"), REDACTOR);

    assertThat(e).isExactlyInstanceOf(ClavataIoException.class);
    assertThat(e.getMessage()).isEqualTo("GET /v1/jobs/j was interrupted or canceled (Canceled)");
  }

  @Test
  void otherFailuresKeepTheirReasonAndCause() {
    ConnectException refused = new ConnectException("Failed to connect to localhost/127.0.0.1:1");
    ClavataIoException e = IoErrors.toException("GET /v1/jobs/j", refused, REDACTOR);

    assertThat(e).isExactlyInstanceOf(ClavataIoException.class);
    assertThat(e.getMessage())
        .isEqualTo("GET /v1/jobs/j failed: Failed to connect to localhost/127.0.0.1:1");
    assertThat(e.getCause()).isSameAs(refused);
    assertThat(IoErrors.toException("GET /x", new IOException(), REDACTOR).getMessage())
        .isEqualTo("GET /x failed: IOException");
  }
}
