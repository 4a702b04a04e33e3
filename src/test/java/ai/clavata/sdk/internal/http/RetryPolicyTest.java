package ai.clavata.sdk.internal.http;

import static ai.clavata.sdk.internal.http.CallSafety.IDEMPOTENT;
import static ai.clavata.sdk.internal.http.CallSafety.NON_IDEMPOTENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {
  private static final RetryPolicy DEFAULT = RetryPolicy.DEFAULT;
  private static final RetryPolicy OPTED_IN = RetryPolicy.DEFAULT.withRetryNonIdempotent(true);

  @Test
  void hasTheDocumentedDefaults() {
    assertThat(DEFAULT.maxRetries()).isEqualTo(2);
    assertThat(DEFAULT.initialBackoff()).isEqualTo(Duration.ofMillis(500));
    assertThat(DEFAULT.maxBackoff()).isEqualTo(Duration.ofSeconds(30));
    assertThat(DEFAULT.retryNonIdempotent()).isFalse();
  }

  @Test
  void copiesChangeOneSetting() {
    RetryPolicy five = DEFAULT.withMaxRetries(5);
    assertThat(five.maxRetries()).isEqualTo(5);
    assertThat(five.retryNonIdempotent()).isFalse();
    assertThat(five.initialBackoff()).isEqualTo(DEFAULT.initialBackoff());
    assertThat(OPTED_IN.retryNonIdempotent()).isTrue();
    assertThat(OPTED_IN.maxRetries()).isEqualTo(2);
    assertThat(DEFAULT.retryNonIdempotent()).as("the default is unchanged").isFalse();
  }

  @Test
  void rejectsNegativeRetries() {
    assertThatThrownBy(() -> DEFAULT.withMaxRetries(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRetries")
        .hasMessageContaining("-1");
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 503})
  void alwaysRetriesRateLimitsAndUnavailable(int code) {
    assertThat(DEFAULT.retriesStatus(code, IDEMPOTENT)).isTrue();
    assertThat(DEFAULT.retriesStatus(code, NON_IDEMPOTENT)).isTrue();
    assertThat(OPTED_IN.retriesStatus(code, NON_IDEMPOTENT)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 504})
  void retriesServerErrorsOnlyWhenSafe(int code) {
    assertThat(DEFAULT.retriesStatus(code, IDEMPOTENT)).isTrue();
    assertThat(DEFAULT.retriesStatus(code, NON_IDEMPOTENT)).isFalse();
    assertThat(OPTED_IN.retriesStatus(code, NON_IDEMPOTENT)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 301, 400, 401, 403, 404, 409, 418, 499, 501, 505})
  void neverRetriesOtherStatuses(int code) {
    assertThat(DEFAULT.retriesStatus(code, IDEMPOTENT)).isFalse();
    assertThat(OPTED_IN.retriesStatus(code, NON_IDEMPOTENT)).isFalse();
  }

  @Test
  void alwaysRetriesFailuresThatProveTheRequestWasNotSent() {
    for (IOException failure :
        new IOException[] {
          new ConnectException("Connection refused"),
          new NoRouteToHostException("no route"),
          new UnknownHostException("gateway.app.clavata.ai"),
          new SocketTimeoutException("connect timed out"),
          new SocketTimeoutException("Connect timed out"),
        }) {
      assertThat(DEFAULT.retriesFailure(failure, NON_IDEMPOTENT)).as(failure.toString()).isTrue();
      assertThat(DEFAULT.retriesFailure(failure, IDEMPOTENT)).as(failure.toString()).isTrue();
    }
  }

  @Test
  void retriesAmbiguousFailuresOnlyWhenSafe() {
    for (IOException failure :
        new IOException[] {
          new SocketTimeoutException("timeout"),
          new SocketTimeoutException("Read timed out"),
          new SocketTimeoutException(),
          new IOException("unexpected end of stream"),
        }) {
      assertThat(DEFAULT.retriesFailure(failure, IDEMPOTENT)).as(failure.toString()).isTrue();
      assertThat(DEFAULT.retriesFailure(failure, NON_IDEMPOTENT)).as(failure.toString()).isFalse();
      assertThat(OPTED_IN.retriesFailure(failure, NON_IDEMPOTENT)).as(failure.toString()).isTrue();
    }
  }

  @Test
  void neverRetriesTlsFailures() {
    for (IOException failure :
        new IOException[] {new SSLException("bad record"), new SSLHandshakeException("PKIX")}) {
      assertThat(DEFAULT.retriesFailure(failure, IDEMPOTENT)).isFalse();
      assertThat(OPTED_IN.retriesFailure(failure, NON_IDEMPOTENT)).isFalse();
    }
  }

  @Test
  void neverRetriesCancellationOrTheCallTimeout() {
    InterruptedIOException callTimeout = new InterruptedIOException("timeout");
    InterruptedIOException canceled = new InterruptedIOException("Canceled");
    for (InterruptedIOException failure : new InterruptedIOException[] {callTimeout, canceled}) {
      assertThat(DEFAULT.retriesFailure(failure, IDEMPOTENT)).isFalse();
      assertThat(OPTED_IN.retriesFailure(failure, NON_IDEMPOTENT)).isFalse();
    }
  }

  @Test
  void backsOffWithinHalfToAllOfADoublingStep() {
    Set<Duration> firsts = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      Duration first = DEFAULT.backoff(0);
      firsts.add(first);
      assertThat(first).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
      assertThat(DEFAULT.backoff(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
      assertThat(DEFAULT.backoff(2)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
    }
    assertThat(firsts).as("the wait is jittered").hasSizeGreaterThan(10);
  }

  @Test
  void capsTheBackoffWithoutOverflowing() {
    for (int retry : new int[] {6, 7, 10, 20, 62, 63, 64, 1000, Integer.MAX_VALUE}) {
      assertThat(DEFAULT.backoff(retry))
          .as("retry %d", retry)
          .isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
    }
  }

  @Test
  void callSafetyComesFromTheTagOrElseTheMethod() {
    Request get = new Request.Builder().url("https://example.test/").get().build();
    Request head = new Request.Builder().url("https://example.test/").head().build();
    Request post =
        new Request.Builder()
            .url("https://example.test/")
            .post(RequestBody.create(new byte[0]))
            .build();
    assertThat(CallSafety.of(get)).isEqualTo(IDEMPOTENT);
    assertThat(CallSafety.of(head)).isEqualTo(IDEMPOTENT);
    assertThat(CallSafety.of(post)).isEqualTo(NON_IDEMPOTENT);
    assertThat(CallSafety.of(post.newBuilder().tag(CallSafety.class, IDEMPOTENT).build()))
        .isEqualTo(IDEMPOTENT);
    assertThat(CallSafety.of(get.newBuilder().tag(CallSafety.class, NON_IDEMPOTENT).build()))
        .isEqualTo(NON_IDEMPOTENT);
  }
}
