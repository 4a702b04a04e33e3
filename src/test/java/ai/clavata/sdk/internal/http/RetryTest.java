package ai.clavata.sdk.internal.http;

import static ai.clavata.sdk.TestRequests.createJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.ClavataClientBuilder;
import ai.clavata.sdk.FakeTiming;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.errors.AuthenticationException;
import ai.clavata.sdk.errors.BadRequestException;
import ai.clavata.sdk.errors.ClavataApiException;
import ai.clavata.sdk.errors.ClavataIoException;
import ai.clavata.sdk.errors.ClavataTimeoutException;
import ai.clavata.sdk.errors.ConflictException;
import ai.clavata.sdk.errors.ContentRefusedException;
import ai.clavata.sdk.errors.NotFoundException;
import ai.clavata.sdk.errors.PermissionDeniedException;
import ai.clavata.sdk.errors.RateLimitException;
import ai.clavata.sdk.errors.ServerException;
import ai.clavata.sdk.errors.UnexpectedStatusException;
import ai.clavata.sdk.model.Job;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLHandshakeException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Retries through a real client against a MockWebServer, in virtual time. */
class RetryTest {
  private static final String JOB = "{\"job\":{\"jobUuid\":\"j1\",\"status\":\"JOB_STATUS_COMPLETED\"}}";

  @StartStop final MockWebServer server = new MockWebServer();

  private final FakeTiming timing = new FakeTiming();

  private static MockResponse ok() {
    return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(JOB).build();
  }

  private static MockResponse status(int code) {
    return new MockResponse.Builder()
        .code(code)
        .body("{\"message\":\"status " + code + "\"}")
        .build();
  }

  private static MockResponse rateLimited(String retryAfter) {
    return new MockResponse.Builder()
        .code(429)
        .addHeader("Retry-After", retryAfter)
        .body("{\"code\":8,\"message\":\"slow down\"}")
        .build();
  }

  private ClavataClient client() {
    return TestClients.client(server, timing);
  }

  private ClavataClient client(Consumer<ClavataClientBuilder> settings) {
    ClavataClientBuilder builder = TestClients.builder(server, timing);
    settings.accept(builder);
    return builder.build();
  }

  private static String httpDate(Duration afterStart) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(
        FakeTiming.START.plus(afterStart).atOffset(ZoneOffset.UTC));
  }

  // ---------------------------------------------------------------------------------------------
  // Retry-After.

  @Test
  void succeedsAfterTwoRateLimitsWaitingWhatTheServerAsked() {
    server.enqueue(rateLimited("2"));
    server.enqueue(rateLimited("2"));
    server.enqueue(ok());

    try (ClavataClient client = client()) {
      Job job = client.jobs().get("j1");
      assertThat(job.jobUuid()).isEqualTo("j1");
    }

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void aCreateIsRetriedAfterARateLimitAndSendsTheSameBodyAgain() throws Exception {
    server.enqueue(rateLimited("1"));
    server.enqueue(ok());

    try (ClavataClient client = client()) {
      assertThat(client.jobs().create(createJob()).jobUuid()).isEqualTo("j1");
    }

    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(first.getMethod()).isEqualTo("POST");
    assertThat(second.getMethod()).isEqualTo("POST");
    assertThat(second.getBody().utf8()).isEqualTo(first.getBody().utf8()).contains("\"policyId\"");
    assertThat(second.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestClients.API_KEY);
    assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void honoursRetryAfterAsAnHttpDate() {
    server.enqueue(rateLimited(httpDate(Duration.ofSeconds(3))));
    // Read at the virtual time of the second answer (START + 3 s): 7 s from then.
    server.enqueue(rateLimited(httpDate(Duration.ofSeconds(10))));
    server.enqueue(ok());

    try (ClavataClient client = client()) {
      client.jobs().get("j1");
    }

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(7));
  }

  @Test
  void anHttpDateInThePastMeansRetryNow() {
    server.enqueue(rateLimited(httpDate(Duration.ofSeconds(-30))));
    server.enqueue(ok());

    try (ClavataClient client = client()) {
      client.jobs().get("j1");
    }

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(timing.sleeps()).containsExactly(Duration.ZERO);
  }

  @Test
  void honoursRetryAfterMsExactlyAndPrefersItToRetryAfter() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After-Ms", "1500").build());
    server.enqueue(
        new MockResponse.Builder()
            .code(503)
            .addHeader("Retry-After", "9")
            .addHeader("Retry-After-Ms", "250")
            .build());
    server.enqueue(ok());

    try (ClavataClient client = client()) {
      client.jobs().get("j1");
    }

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(timing.sleeps()).containsExactly(Duration.ofMillis(1500), Duration.ofMillis(250));
  }

  @Test
  void givesUpAfterMaxRetriesWithTheRateLimitAndItsRetryAfter() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(rateLimited("2"));
    }

    try (ClavataClient client = client(b -> b.maxRetries(2))) {
      RateLimitException e =
          catchThrowableOfType(RateLimitException.class, () -> client.jobs().get("j1"));
      assertThat(e).isNotNull();
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
      assertThat(e.httpStatus()).isEqualTo(429);
      assertThat(e.message()).isEqualTo("slow down");
    }

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void maxRetriesZeroSendsOnce() {
    server.enqueue(rateLimited("1"));
    server.enqueue(ok());

    try (ClavataClient client = client(b -> b.maxRetries(0))) {
      assertThat(catchThrowableOfType(RateLimitException.class, () -> client.jobs().get("j1")))
          .isNotNull();
    }

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(timing.sleeps()).isEmpty();
  }

  @Test
  void doesNotWaitLongerThanTheCapButReportsTheRateLimitAtOnce() {
    server.enqueue(rateLimited("120"));
    server.enqueue(ok());

    // A call timeout long enough for the wait: only the 30 s cap stops it.
    try (ClavataClient client = client(b -> b.timeout(Duration.ofMinutes(10)))) {
      RateLimitException e =
          catchThrowableOfType(RateLimitException.class, () -> client.jobs().create(createJob()));
      assertThat(e).isNotNull();
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
    }

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(timing.sleeps()).isEmpty();
  }

  @Test
  void waitsExactlyTheCap() {
    server.enqueue(rateLimited("30"));
    server.enqueue(ok());

    try (ClavataClient client = client()) {
      client.jobs().get("j1");
    }

    assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void doesNotStartAWaitThatWouldOutlastTheCallTimeout() {
    server.enqueue(rateLimited("5"));
    server.enqueue(ok());

    try (ClavataClient client = client(b -> b.timeout(Duration.ofSeconds(1)))) {
      RateLimitException e =
          catchThrowableOfType(RateLimitException.class, () -> client.jobs().get("j1"));
      assertThat(e).isNotNull();
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
    }

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(timing.sleeps()).isEmpty();
  }

  @Test
  void countsEarlierWaitsAgainstTheCallTimeout() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(rateLimited("2"));
    }

    // 2 s + 2 s fit in 5 s; a third wait would end at 6 s, so the third 429 is reported.
    try (ClavataClient client = client(b -> b.timeout(Duration.ofSeconds(5)).maxRetries(5))) {
      assertThat(catchThrowableOfType(RateLimitException.class, () -> client.jobs().get("j1")))
          .isNotNull();
    }

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void aZeroTimeoutPutsNoBoundOnWaits() {
    server.enqueue(rateLimited("20"));
    server.enqueue(ok());

    try (ClavataClient client = client(b -> b.timeout(Duration.ZERO))) {
      client.jobs().get("j1");
    }

    assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(20));
  }

  // ---------------------------------------------------------------------------------------------
  // Which statuses are retried.

  @ParameterizedTest(name = "GET {0} is not retried")
  @ValueSource(ints = {400, 401, 403, 404, 409, 418, 499, 501})
  void doesNotRetryAClientErrorOrRefusal(int code) {
    server.enqueue(status(code));
    server.enqueue(ok());

    try (ClavataClient client = client()) {
      ClavataApiException e =
          catchThrowableOfType(ClavataApiException.class, () -> client.jobs().get("j1"));
      assertThat(e).isNotNull();
      assertThat(e.httpStatus()).isEqualTo(code);
      Class<?> expected =
          switch (code) {
            case 400 -> BadRequestException.class;
            case 401 -> AuthenticationException.class;
            case 403 -> PermissionDeniedException.class;
            case 404 -> NotFoundException.class;
            case 499 -> ContentRefusedException.class;
            case 501 -> ServerException.class;
            case 409 -> ConflictException.class;
            default -> UnexpectedStatusException.class;
          };
      assertThat(e).isExactlyInstanceOf(expected);
    }

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(timing.sleeps()).isEmpty();
  }

  @ParameterizedTest(name = "POST {0} is not retried")
  @ValueSource(ints = {400, 401, 403, 404, 499})
  void doesNotRetryACreateOnAClientErrorOrRefusal(int code) {
    server.enqueue(status(code));
    server.enqueue(ok());

    try (ClavataClient client = client(b -> b.retryNonIdempotent(true))) {
      ClavataApiException e =
          catchThrowableOfType(ClavataApiException.class, () -> client.jobs().create(createJob()));
      assertThat(e.httpStatus()).isEqualTo(code);
    }

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest(name = "POST {0} is not retried by default")
  @ValueSource(ints = {500, 502, 504})
  void doesNotRetryACreateOnAServerErrorByDefault(int code) {
    server.enqueue(status(code));
    server.enqueue(ok());

    try (ClavataClient client = client()) {
      ServerException e =
          catchThrowableOfType(ServerException.class, () -> client.jobs().create(createJob()));
      assertThat(e).isNotNull();
      assertThat(e.httpStatus()).isEqualTo(code);
    }

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(timing.sleeps()).isEmpty();
  }

  @ParameterizedTest(name = "POST {0} is retried with retryNonIdempotent")
  @ValueSource(ints = {500, 502, 504})
  void retriesACreateOnAServerErrorWhenOptedIn(int code) {
    server.enqueue(status(code));
    server.enqueue(ok());

    try (ClavataClient client = client(b -> b.retryNonIdempotent(true))) {
      assertThat(client.jobs().create(createJob()).jobUuid()).isEqualTo("j1");
    }

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(timing.sleeps()).hasSize(1);
  }

  @ParameterizedTest(name = "POST {0} is retried")
  @ValueSource(ints = {429, 503})
  void retriesACreateOnRateLimitAndUnavailable(int code) {
    server.enqueue(status(code));
    server.enqueue(ok());

    try (ClavataClient client = client()) {
      assertThat(client.jobs().create(createJob()).jobUuid()).isEqualTo("j1");
    }

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(timing.sleeps()).hasSize(1);
  }

  @ParameterizedTest(name = "GET {0} is retried")
  @ValueSource(ints = {429, 500, 502, 503, 504})
  void retriesAReadOnServerErrors(int code) {
    server.enqueue(status(code));
    server.enqueue(ok());

    try (ClavataClient client = client()) {
      assertThat(client.jobs().get("j1").jobUuid()).isEqualTo("j1");
    }

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(timing.sleeps()).hasSize(1);
  }

  @Test
  void aServerErrorThatOutlastsTheRetriesIsReported() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(status(502));
    }

    try (ClavataClient client = client()) {
      ServerException e = catchThrowableOfType(ServerException.class, () -> client.jobs().get("j1"));
      assertThat(e.httpStatus()).isEqualTo(502);
      assertThat(e.message()).isEqualTo("status 502");
    }

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(timing.sleeps()).hasSize(2);
  }

  @Test
  void backsOffExponentiallyWithJitterWithoutRetryAfter() {
    server.enqueue(status(503));
    server.enqueue(status(503));
    server.enqueue(ok());

    try (ClavataClient client = client()) {
      client.jobs().get("j1");
    }

    List<Duration> sleeps = timing.sleeps();
    assertThat(sleeps).hasSize(2);
    assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void retriesUnreadableRetryAfterWithTheBackoff() {
    server.enqueue(rateLimited("whenever"));
    server.enqueue(ok());

    try (ClavataClient client = client()) {
      client.jobs().get("j1");
    }

    assertThat(timing.sleeps()).hasSize(1);
    assertThat(timing.sleeps().get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
  }

  // ---------------------------------------------------------------------------------------------
  // I/O failures, injected by an interceptor that runs after the retry interceptor.

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

    try (ClavataClient client =
        client(b -> b.addInterceptor(failing).retryNonIdempotent(true))) {
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
