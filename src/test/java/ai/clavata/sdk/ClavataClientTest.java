package ai.clavata.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.errors.ServerException;
import ai.clavata.sdk.jobs.CreateJobRequest;
import ai.clavata.sdk.jobs.ListJobsRequest;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.Job;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClavataClientTest {
  private static final String JOB = "{\"job\":{\"jobUuid\":\"j\",\"status\":\"JOB_STATUS_COMPLETED\"}}";
  private static final String EMPTY_PAGE = "{\"jobs\":[],\"nextPageToken\":\"\"}";

  @StartStop final MockWebServer server = new MockWebServer();

  private final FakeTiming timing = new FakeTiming();

  private static MockResponse ok(String body) {
    return new MockResponse.Builder().code(200).body(body).build();
  }

  private static MockResponse unavailable() {
    return new MockResponse.Builder().code(503).body("{\"code\":14,\"message\":\"try later\"}").build();
  }

  private static void shutDown(OkHttpClient http) {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  // ---- API key -----------------------------------------------------------------------------

  @Test
  void buildWithoutKeyNamesTheEnvironmentVariable() {
    assertThatThrownBy(() -> ClavataClient.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CLAVATA_API_KEY");
  }

  @Test
  void fromEnvWithNothingSetFailsNamingTheEnvironmentVariable() {
    assertThatThrownBy(
            () -> ClavataClient.builder().fromEnv(name -> null, name -> null).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CLAVATA_API_KEY");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n"})
  void blankKeyIsRefused(String key) {
    assertThatThrownBy(() -> ClavataClient.builder().apiKey(key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiKey")
        .hasMessageContaining("CLAVATA_API_KEY");
  }

  @Test
  void fromEnvReadsKeyAndBaseUrlFromTheEnvironment() throws Exception {
    Map<String, String> env =
        Map.of("CLAVATA_API_KEY", "env-key-123", "CLAVATA_BASE_URL", server.url("/").toString());
    server.enqueue(ok(JOB));

    try (ClavataClient client =
        ClavataClient.builder().fromEnv(env::get, name -> null).timing(timing).build()) {
      client.jobs().get("j");
    }

    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer env-key-123");
    assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v1/jobs/j");
  }

  @Test
  void systemPropertiesWinOverTheEnvironment() throws Exception {
    Map<String, String> env =
        Map.of("CLAVATA_API_KEY", "env-key-123", "CLAVATA_BASE_URL", "https://env.invalid:8443");
    Map<String, String> props =
        Map.of("clavata.apiKey", "prop-key-456", "clavata.baseUrl", server.url("/").toString());
    server.enqueue(ok(JOB));

    try (ClavataClient client =
        ClavataClient.builder().fromEnv(env::get, props::get).timing(timing).build()) {
      client.jobs().get("j");
      assertThat(client.toString()).contains(server.url("/").toString()).doesNotContain("env.invalid");
    }

    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer prop-key-456");
  }

  @Test
  void blankPropertyFallsBackToTheEnvironmentAndKeyIsTrimmed() throws Exception {
    Map<String, String> env =
        Map.of("CLAVATA_API_KEY", "  env-key-789\n", "CLAVATA_BASE_URL", server.url("/").toString());
    Map<String, String> props = Map.of("clavata.apiKey", " ", "clavata.baseUrl", "");
    server.enqueue(ok(JOB));

    try (ClavataClient client =
        ClavataClient.builder().fromEnv(env::get, props::get).timing(timing).build()) {
      client.jobs().get("j");
    }

    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer env-key-789");
  }

  @Test
  void fromEnvLeavesUnsetValuesAlone() throws Exception {
    server.enqueue(ok(JOB));

    try (ClavataClient client =
        TestClients.builder(server, timing).fromEnv(name -> null, name -> null).build()) {
      client.jobs().get("j");
    }

    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + TestClients.API_KEY);
  }

  @Test
  void fromEnvRefusesAnInsecureBaseUrl() {
    Map<String, String> env =
        Map.of("CLAVATA_API_KEY", "k-123456", "CLAVATA_BASE_URL", "http://example.com");

    assertThatThrownBy(() -> ClavataClient.builder().fromEnv(env::get, name -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https");
  }

  @Test
  void defaultBaseUrlIsTheGateway() {
    try (ClavataClient client = ClavataClient.builder().apiKey("k-123456").build()) {
      assertThat(client.toString()).contains("https://gateway.app.clavata.ai:8443");
    }
  }

  // ---- base URL ----------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {
        "garbage",
        "ftp://x",
        "http://example.com",
        "http://10.0.0.1:8080",
        "http://localhost.example.com",
        "gateway.app.clavata.ai:8443",
        ""
      })
  void invalidOrInsecureBaseUrlIsRefusedMentioningHttps(String url) {
    assertThatThrownBy(() -> ClavataClient.builder().baseUrl(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:1234",
        "http://LOCALHOST:1234/",
        "http://127.0.0.1:9",
        "http://127.0.0.2:9",
        "http://[::1]:9",
        "https://example.com",
        "https://gateway.app.clavata.ai:8443",
        "https://proxy.example.com/clavata/",
        "  https://example.com  "
      })
  void secureOrLoopbackBaseUrlIsAccepted(String url) {
    assertThatCode(() -> ClavataClient.builder().apiKey("k-123456").baseUrl(url).build().close())
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://example.com/?a=b", "https://example.com/v?x", "https://example.com/#frag"})
  void baseUrlWithQueryOrFragmentIsRefused(String url) {
    assertThatThrownBy(() -> ClavataClient.builder().baseUrl(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("query");
  }

  @Test
  void nullBaseUrlIsRefused() {
    assertThatThrownBy(() -> ClavataClient.builder().baseUrl(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("baseUrl");
  }

  @Test
  void basePathPrefixIsKept() throws Exception {
    server.enqueue(ok(JOB));
    server.enqueue(ok(EMPTY_PAGE));
    server.enqueue(ok(JOB));

    try (ClavataClient client =
        TestClients.builder(server, timing).baseUrl(server.url("/prefix/").toString()).build()) {
      client.jobs().get("a/b");
      client.jobs().list(ListJobsRequest.builder().pageSize(5).build());
      client
          .jobs()
          .create(
              CreateJobRequest.builder()
                  .policyId("p")
                  .addContent(ContentData.text("hi"))
                  .build());
    }

    RecordedRequest get = server.takeRequest();
    assertThat(get.getUrl().pathSegments()).containsExactly("prefix", "v1", "jobs", "a/b");
    assertThat(get.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestClients.API_KEY);
    RecordedRequest list = server.takeRequest();
    assertThat(list.getUrl().encodedPath()).isEqualTo("/prefix/v1/jobs");
    assertThat(list.getUrl().queryParameter("pageSize")).isEqualTo("5");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/prefix/v1/jobs");
  }

  @Test
  void basePathPrefixWithoutTrailingSlashIsKept() throws Exception {
    server.enqueue(ok(JOB));

    try (ClavataClient client =
        TestClients.builder(server, timing).baseUrl(server.url("/a/b").toString()).build()) {
      client.jobs().get("j");
    }

    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/a/b/v1/jobs/j");
  }

  // ---- toString ----------------------------------------------------------------------------

  @Test
  void toStringNeverShowsTheKey() {
    try (ClavataClient client = TestClients.client(server, timing);
        ClavataClient supplied =
            TestClients.builder(server, timing).credentials(() -> TestClients.API_KEY).build();
        ClavataClient copy = client.withOptions(o -> o.maxRetries(4))) {
      for (ClavataClient c : List.of(client, supplied, copy)) {
        assertThat(c.toString())
            .doesNotContain(TestClients.API_KEY)
            .doesNotContain(TestClients.API_KEY.substring(3))
            .contains("maxRetries");
      }
      assertThat(copy.toString()).contains("maxRetries=4");
      assertThat(client.toString()).contains("maxRetries=2");
    }
  }

  // ---- withOptions -------------------------------------------------------------------------

  @Test
  void withOptionsCopySharesTheCallersConnectionPool() throws Exception {
    OkHttpClient shared = new OkHttpClient();
    try {
      ClavataClient client = TestClients.builder(server, timing).okHttpClient(shared).build();
      ClavataClient copy = client.withOptions(o -> o.maxRetries(0));
      server.enqueue(ok(JOB));
      server.enqueue(ok(JOB));
      server.enqueue(ok(JOB));

      Job a = client.jobs().get("a");
      Job b = copy.jobs().get("b");
      Job c = client.jobs().get("c");

      assertThat(List.of(a, b, c)).extracting(Job::jobUuid).containsOnly("j");
      assertThat(shared.connectionPool().connectionCount()).isEqualTo(1);
      RecordedRequest first = server.takeRequest();
      RecordedRequest second = server.takeRequest();
      RecordedRequest third = server.takeRequest();
      assertThat(second.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
      assertThat(third.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
      assertThat(second.getUrl().encodedPath()).isEqualTo("/v1/jobs/b");
      assertThat(second.getHeaders().get("Authorization"))
          .isEqualTo("Bearer " + TestClients.API_KEY);
      client.close();
    } finally {
      shutDown(shared);
    }
  }

  @Test
  void withOptionsCopySharesTheOwnedConnectionPool() throws Exception {
    try (ClavataClient client = TestClients.client(server, timing)) {
      ClavataClient copy = client.withOptions(o -> o.maxRetries(0));
      server.enqueue(ok(JOB));
      server.enqueue(ok(JOB));

      client.jobs().get("a");
      copy.jobs().get("b");

      assertThat(server.takeRequest().getConnectionIndex())
          .isEqualTo(server.takeRequest().getConnectionIndex());
    }
  }

  @Test
  void withOptionsChangesOnlyTheCopy() {
    try (ClavataClient client = TestClients.client(server, timing)) {
      ClavataClient noRetries = client.withOptions(o -> o.maxRetries(0));

      server.enqueue(unavailable());
      assertThatThrownBy(() -> noRetries.jobs().get("j")).isInstanceOf(ServerException.class);
      assertThat(server.getRequestCount()).isEqualTo(1);

      server.enqueue(unavailable());
      server.enqueue(ok(JOB));
      assertThat(client.jobs().get("j").jobUuid()).isEqualTo("j");
      assertThat(server.getRequestCount()).as("the original still retries").isEqualTo(3);
    }
  }

  @Test
  void withOptionsCannotSwapTheOkHttpClient() {
    OkHttpClient other = new OkHttpClient();
    try (ClavataClient client = TestClients.client(server, timing)) {
      assertThatThrownBy(() -> client.withOptions(o -> o.okHttpClient(other)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("OkHttpClient");
    } finally {
      shutDown(other);
    }
  }

  // ---- close -------------------------------------------------------------------------------

  @Test
  void closeIsIdempotentAndLaterCallsFailWithoutARequest() {
    ClavataClient client =
        TestClients.builder(server, timing).timeout(Duration.ofSeconds(5)).build();
    client.close();
    assertThatCode(client::close).doesNotThrowAnyException();

    assertThatThrownBy(() -> client.jobs().get("j"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> client.jobs().list())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(
            () ->
                client
                    .jobs()
                    .create(
                        CreateJobRequest.builder()
                            .policyId("p")
                            .addContent(ContentData.text("hi"))
                            .build()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> client.jobs().listAll().iterator().hasNext())
        .isInstanceOf(IllegalStateException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void closingTheOriginalStopsItsCopies() {
    ClavataClient client =
        TestClients.builder(server, timing).timeout(Duration.ofSeconds(5)).build();
    ClavataClient copy = client.withOptions(o -> o.maxRetries(0));

    client.close();

    assertThatThrownBy(() -> copy.jobs().get("j")).isInstanceOf(IllegalStateException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void closingACopyLeavesTheOriginalWorking() {
    try (ClavataClient client = TestClients.client(server, timing)) {
      ClavataClient copy = client.withOptions(o -> o.maxRetries(0));
      copy.close();
      server.enqueue(ok(JOB));

      assertThat(client.jobs().get("j").jobUuid()).isEqualTo("j");
    }
  }

  @Test
  void closeLeavesTheCallersOkHttpClientRunning() throws Exception {
    OkHttpClient callers = new OkHttpClient();
    try {
      ClavataClient client = TestClients.builder(server, timing).okHttpClient(callers).build();
      server.enqueue(ok(JOB));
      client.jobs().get("j");

      client.close();
      client.close();

      assertThat(callers.dispatcher().executorService().isShutdown()).isFalse();
      assertThat(callers.connectionPool().connectionCount()).isEqualTo(1);
      // The caller's client itself still works.
      server.enqueue(ok("fine"));
      try (Response response =
          callers.newCall(new Request.Builder().url(server.url("/health")).build()).execute()) {
        assertThat(response.code()).isEqualTo(200);
      }
    } finally {
      shutDown(callers);
    }
  }

  @Test
  void callsAfterCloseFailEvenWithTheCallersOkHttpClient() {
    OkHttpClient callers = new OkHttpClient();
    try {
      // A short real timeout, so that a regression that sends the request fails fast.
      ClavataClient client =
          TestClients.builder(server, timing)
              .okHttpClient(callers)
              .timeout(Duration.ofSeconds(5))
              .build();
      client.close();

      assertThatThrownBy(() -> client.jobs().get("j"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
      assertThat(server.getRequestCount()).isZero();
    } finally {
      shutDown(callers);
    }
  }

  // ---- interceptors ------------------------------------------------------------------------

  @Test
  void userInterceptorSeesEveryAttemptButNeverTheKey() throws Exception {
    List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    List<Integer> codes = Collections.synchronizedList(new ArrayList<>());
    Interceptor recorder =
        chain -> {
          authorizations.add(chain.request().header("Authorization"));
          Response response = chain.proceed(chain.request());
          codes.add(response.code());
          return response;
        };
    server.enqueue(unavailable());
    server.enqueue(unavailable());
    server.enqueue(ok(JOB));

    try (ClavataClient client = TestClients.builder(server, timing).addInterceptor(recorder).build()) {
      assertThat(client.jobs().get("j").jobUuid()).isEqualTo("j");
    }

    assertThat(authorizations).containsExactly(null, null, null);
    assertThat(codes).containsExactly(503, 503, 200);
    assertThat(timing.sleeps()).hasSize(2);
    assertThat(server.getRequestCount()).isEqualTo(3);
    for (int i = 0; i < 3; i++) {
      assertThat(server.takeRequest().getHeaders().get("Authorization"))
          .as("the server still gets the key on every attempt")
          .isEqualTo("Bearer " + TestClients.API_KEY);
    }
  }

  @Test
  void interceptorsRunInTheOrderAdded() {
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    server.enqueue(ok(JOB));

    try (ClavataClient client =
        TestClients.builder(server, timing)
            .addInterceptor(chain -> { order.add("first"); return chain.proceed(chain.request()); })
            .addInterceptor(chain -> { order.add("second"); return chain.proceed(chain.request()); })
            .build()) {
      client.jobs().get("j");
    }

    assertThat(order).containsExactly("first", "second");
  }

  @Test
  void credentialsSupplierIsAskedOnEveryRequest() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    server.enqueue(ok(JOB));
    server.enqueue(ok(JOB));

    try (ClavataClient client =
        TestClients.builder(server, timing)
            .credentials(() -> "rotating-key-" + calls.incrementAndGet())
            .build()) {
      client.jobs().get("a");
      client.jobs().get("b");
    }

    Map<String, String> seen = new HashMap<>();
    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    seen.put(first.getUrl().pathSegments().get(2), first.getHeaders().get("Authorization"));
    seen.put(second.getUrl().pathSegments().get(2), second.getHeaders().get("Authorization"));
    assertThat(seen.get("a")).startsWith("Bearer rotating-key-");
    assertThat(seen.get("b")).startsWith("Bearer rotating-key-").isNotEqualTo(seen.get("a"));
  }
}
