package ai.clavata.sdk.internal.http;

import static ai.clavata.sdk.TestRequests.createJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.errors.ClavataIoException;
import ai.clavata.sdk.errors.ClavataTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** I/O failures, injected by an interceptor that runs inside the retry interceptor. */
class RetryIoFailuresTest extends RetryTestBase {

  /** Counts attempts and throws the supplied failures first, then lets requests through. */
  private static final class Failing implements Interceptor {
    final AtomicInteger attempts = new AtomicInteger();
    final List<Supplier<IOException>> failures;

    @SafeVarargs
    Failing(Supplier<IOException>... failures) {
      this.failures = Collections.synchronizedList(new ArrayList<>(List.of(failures)));
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
      attempts.incrementAndGet();
      if (!failures.isEmpty()) {
        throw failures.remove(0).get();
      }
      return chain.proceed(chain.request());
    }
  }

  @Test
  void retriesACreateWhoseConnectionWasRefused() {
    Failing failing = new Failing(() -> new ConnectException("Connection refused"));
    server.enqueue(ok());

    try (ClavataClient client = client(b -> b.addInterceptor(failing))) {
      assertThat(client.jobs().create(createJob()).jobUuid()).isEqualTo("j1");
    }

    assertThat(failing.attempts).hasValue(2);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(timing.sleeps()).hasSize(1);
    assertThat(timing.sleeps().get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
  }

  @Test
  void retriesACreateWhoseConnectTimedOut() {
    Failing failing = new Failing(() -> new SocketTimeoutException("connect timed out"));
    server.enqueue(ok());

    try (ClavataClient client = client(b -> b.addInterceptor(failing))) {
      assertThat(client.jobs().create(createJob()).jobUuid()).isEqualTo("j1");
    }

    assertThat(failing.attempts).hasValue(2);
  }

  @Test
  void retriesAReadAfterAReadTimeout() {
    Failing failing = new Failing(() -> new SocketTimeoutException("timeout"));
    server.enqueue(ok());

    try (ClavataClient client = client(b -> b.addInterceptor(failing))) {
      assertThat(client.jobs().get("j1").jobUuid()).isEqualTo("j1");
    }

    assertThat(failing.attempts).hasValue(2);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void doesNotRetryACreateAfterAReadTimeout() {
    Failing failing = new Failing(() -> new SocketTimeoutException("timeout"));
    server.enqueue(ok());

    try (ClavataClient client = client(b -> b.addInterceptor(failing))) {
      ClavataTimeoutException e =
          catchThrowableOfType(
              ClavataTimeoutException.class, () -> client.jobs().create(createJob()));
      assertThat(e).isNotNull();
      assertThat(e.getMessage()).startsWith("POST /v1/jobs").contains("readTimeout");
      assertThat(e.getCause()).isInstanceOf(SocketTimeoutException.class);
    }

    assertThat(failing.attempts).hasValue(1);
    assertThat(server.getRequestCount()).isZero();
    assertThat(timing.sleeps()).isEmpty();
  }

  @Test
  void retriesACreateAfterAReadTimeoutWhenOptedIn() {
    Failing failing = new Failing(() -> new SocketTimeoutException("timeout"));
    server.enqueue(ok());

    try (ClavataClient client = client(b -> b.addInterceptor(failing).retryNonIdempotent(true))) {
      assertThat(client.jobs().create(createJob()).jobUuid()).isEqualTo("j1");
    }

    assertThat(failing.attempts).hasValue(2);
  }

  @Test
  void doesNotRetryATlsFailure() {
    Failing failing = new Failing(() -> new SSLHandshakeException("PKIX path building failed"));
    server.enqueue(ok());

    try (ClavataClient client = client(b -> b.addInterceptor(failing))) {
      ClavataIoException e =
          catchThrowableOfType(ClavataIoException.class, () -> client.jobs().get("j1"));
      assertThat(e).isNotInstanceOf(ClavataTimeoutException.class);
      assertThat(e.getCause()).isInstanceOf(SSLHandshakeException.class);
    }

    assertThat(failing.attempts).hasValue(1);
  }

  @Test
  void reportsTheLastFailureWhenConnectingKeepsFailing() {
    Failing failing =
        new Failing(
            () -> new ConnectException("refused 1"),
            () -> new ConnectException("refused 2"),
            () -> new ConnectException("refused 3"),
            () -> new ConnectException("refused 4"));

    try (ClavataClient client = client(b -> b.addInterceptor(failing))) {
      ClavataIoException e =
          catchThrowableOfType(ClavataIoException.class, () -> client.jobs().get("j1"));
      assertThat(e).isExactlyInstanceOf(ClavataIoException.class);
      assertThat(e.getMessage()).isEqualTo("GET /v1/jobs/j1 failed: refused 3");
      assertThat(e.getCause()).isInstanceOf(ConnectException.class);
    }

    assertThat(failing.attempts).hasValue(3);
    assertThat(timing.sleeps()).hasSize(2);
    assertThat(timing.sleeps().get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(timing.sleeps().get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void doesNotStartABackoffAfterAFailureThatWouldOutlastTheCallTimeout() {
    AtomicInteger attempts = new AtomicInteger();
    Interceptor slowFailure =
        chain -> {
          attempts.incrementAndGet();
          timing.sleep(Duration.ofMillis(900)); // the attempt took 900 ms of the 1 s budget
          throw new ConnectException("Connection refused");
        };

    try (ClavataClient client =
        client(b -> b.timeout(Duration.ofSeconds(1)).addInterceptor(slowFailure))) {
      ClavataIoException e =
          catchThrowableOfType(ClavataIoException.class, () -> client.jobs().get("j1"));
      assertThat(e.getCause()).isInstanceOf(ConnectException.class);
    }

    assertThat(attempts).hasValue(1);
    assertThat(timing.sleeps()).containsExactly(Duration.ofMillis(900));
  }
}
