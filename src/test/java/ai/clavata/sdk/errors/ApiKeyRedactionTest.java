package ai.clavata.sdk.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.FakeTiming;
import ai.clavata.sdk.TestClients;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The API key never reaches an exception's text, whatever the server echoes back. */
class ApiKeyRedactionTest {
  private static final String KEY = TestClients.API_KEY;

  /** The secret part of the key: no run of it should appear in any message. */
  private static final String KEY_PREFIX_16 = KEY.substring(0, 16);

  @StartStop final MockWebServer server = new MockWebServer();

  private final FakeTiming timing = new FakeTiming();

  private ClavataException errorFor(MockResponse response) {
    server.enqueue(response);
    try (ClavataClient client = TestClients.builder(server, timing).maxRetries(0).build()) {
      ClavataException e =
          catchThrowableOfType(ClavataException.class, () -> client.jobs().get("job-1"));
      assertThat(e).isNotNull();
      return e;
    }
  }

  private static void assertNoKey(ClavataException e) {
    assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain(KEY_PREFIX_16);
    assertThat(e.toString()).doesNotContain(KEY).doesNotContain(KEY_PREFIX_16);
    if (e instanceof ClavataApiException api) {
      assertThat(api.message()).doesNotContain(KEY).doesNotContain(KEY_PREFIX_16);
      assertThat(api.error().message()).doesNotContain(KEY);
    }
  }

  @Test
  void masksTheKeyInAProxyPageThatEchoesTheRequestHeaders() {
    ClavataException e =
        errorFor(
            new MockResponse.Builder()
                .code(502)
                .addHeader("Content-Type", "text/html")
                .body(
                    "<html><body><h1>502 Bad Gateway</h1><pre>GET /v1/jobs/job-1 HTTP/1.1\n"
                        + "Authorization: Bearer "
                        + KEY
                        + "\n"
                        + "User-Agent: clavata-java</pre></body></html>")
                .build());

    assertThat(e).isExactlyInstanceOf(ServerException.class);
    assertNoKey(e);
    assertThat(((ClavataApiException) e).message()).contains("Authorization: Bearer [REDACTED]");
  }

  @Test
  void masksTheKeyInAStatusMessage() {
    ClavataException e =
        errorFor(
            new MockResponse.Builder()
                .code(401)
                .body("{\"code\":16,\"message\":\"invalid key " + KEY + " for project\"}")
                .build());

    assertThat(e).isExactlyInstanceOf(AuthenticationException.class);
    assertNoKey(e);
    assertThat(e.getMessage())
        .isEqualTo("HTTP 401 UNAUTHENTICATED: invalid key [REDACTED] for project");
  }

  @Test
  void masksTheKeyInAnErrorString() {
    ClavataException e =
        errorFor(
            new MockResponse.Builder()
                .code(403)
                .body("{\"error\":\"key " + KEY + " is revoked\"}")
                .build());

    assertThat(e).isExactlyInstanceOf(PermissionDeniedException.class);
    assertNoKey(e);
  }

  @Test
  void masksTheKeyInAWrappedStatus() {
    ClavataException e =
        errorFor(
            new MockResponse.Builder()
                .code(429)
                .body("{\"error\":{\"code\":8,\"message\":\"quota for " + KEY + "\"}}")
                .build());

    assertThat(e).isExactlyInstanceOf(RateLimitException.class);
    assertNoKey(e);
  }

  @Test
  void doesNotLeakPartOfTheKeyWhenTheExcerptCutsThroughIt() {
    // The key starts 16 characters before the excerpt's 512-character end: a cut before masking
    // would leave the first 16 characters of the key (half its secret part) in the message.
    String padding = "x".repeat(512 - 16);
    ClavataException e =
        errorFor(
            new MockResponse.Builder()
                .code(502)
                .body(padding + KEY + " and more text after the key")
                .build());

    assertThat(e).isExactlyInstanceOf(ServerException.class);
    assertThat(e.getMessage()).doesNotContain(KEY.substring(8, 16)).contains("[REDACTED]");
    assertNoKey(e);
  }

  @Test
  void masksTheKeyInTheExcerptOfAnUnreadableSuccessBody() {
    ClavataException e =
        errorFor(
            new MockResponse.Builder()
                .code(200)
                .body("<html>Authorization: Bearer " + KEY + "</html>")
                .build());

    assertThat(e).isExactlyInstanceOf(ClavataDecodeException.class);
    assertNoKey(e);
    assertThat(((ClavataDecodeException) e).excerpt()).doesNotContain(KEY).contains("[REDACTED]");
  }

  @Test
  void masksTheCurrentKeyOfARotatingSupplier() {
    AtomicReference<String> current = new AtomicReference<>("ck_live_rotated_0001");
    server.enqueue(
        new MockResponse.Builder()
            .code(401)
            .body("{\"code\":16,\"message\":\"bad key ck_live_rotated_0001\"}")
            .build());
    try (ClavataClient client =
        TestClients.builder(server, timing).credentials(current::get).maxRetries(0).build()) {
      AuthenticationException e =
          catchThrowableOfType(AuthenticationException.class, () -> client.jobs().get("j"));
      assertThat(e.getMessage()).doesNotContain("ck_live_rotated_0001").contains("[REDACTED]");
      assertThat(client.toString()).doesNotContain("ck_live_rotated_0001");
    }
  }

  @Test
  void anIoFailureMessageDoesNotCarryTheKey() {
    try (ClavataClient client =
        TestClients.builder(server, timing)
            .maxRetries(0)
            .addInterceptor(
                chain -> {
                  throw new IOException("connection reset");
                })
            .build()) {
      ClavataIoException e =
          catchThrowableOfType(ClavataIoException.class, () -> client.jobs().get("job-1"));
      assertThat(e.getMessage()).isEqualTo("GET /v1/jobs/job-1 failed: connection reset");
      assertNoKey(e);
    }
  }

  @Test
  void theClientsToStringNeverShowsTheKey() {
    try (ClavataClient client = TestClients.client(server, timing);
        ClavataClient shared =
            TestClients.builder(server, timing).okHttpClient(new OkHttpClient()).build();
        ClavataClient supplied =
            TestClients.builder(server, timing).credentials(() -> KEY).build()) {
      assertThat(client.toString())
          .doesNotContain(KEY)
          .doesNotContain(KEY_PREFIX_16)
          .contains("baseUrl=");
      assertThat(shared.toString()).doesNotContain(KEY);
      assertThat(supplied.toString()).doesNotContain(KEY);
      assertThat(client.withOptions(o -> o.maxRetries(5)).toString())
          .doesNotContain(KEY)
          .contains("maxRetries=5");
    }
  }
}
