package ai.clavata.sdk.internal.http;

import static ai.clavata.sdk.TestRequests.createJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.FakeTiming;
import ai.clavata.sdk.TestClients;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthInterceptorTest {
  private static final String JOB =
      "{\"job\":{\"jobUuid\":\"j1\",\"status\":\"JOB_STATUS_COMPLETED\"}}";

  @StartStop final MockWebServer server = new MockWebServer();
  @StartStop final MockWebServer elsewhere = new MockWebServer();

  private final FakeTiming timing = new FakeTiming();
  private OkHttpClient plain;

  @AfterEach
  void releaseThePlainClient() {
    if (plain != null) {
      plain.dispatcher().executorService().shutdown();
      plain.connectionPool().evictAll();
    }
  }

  private static MockResponse ok() {
    return new MockResponse.Builder().body(JOB).build();
  }

  /** A bare OkHttp client with only the auth interceptor, for the API at {@code baseUrl}. */
  private OkHttpClient authClient(AtomicReference<String> key, HttpUrl baseUrl) {
    plain =
        new OkHttpClient.Builder().addInterceptor(new AuthInterceptor(key::get, baseUrl)).build();
    return plain;
  }

  private static void call(OkHttpClient client, HttpUrl url) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
  }

  @Test
  void sendsTheKeyAndUserAgentOnEveryApiRequest() throws Exception {
    server.enqueue(ok());
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(ok());
    try (ClavataClient client = TestClients.client(server, timing)) {
      client.jobs().get("j1");
      client.jobs().create(createJob());
    }

    for (int i = 0; i < 3; i++) {
      RecordedRequest request = server.takeRequest();
      assertThat(request.getHeaders().get("Authorization"))
          .as("request %d", i)
          .isEqualTo("Bearer " + TestClients.API_KEY);
      assertThat(request.getHeaders().values("Authorization")).hasSize(1);
      assertThat(request.getHeaders().get("User-Agent"))
          .startsWith("clavata-java/")
          .doesNotEndWith("/");
    }
  }

  @Test
  void readsARotatingKeyForEveryRequest() throws Exception {
    AtomicReference<String> key = new AtomicReference<>("ck_first_key_0001");
    server.enqueue(ok());
    server.enqueue(ok());
    try (ClavataClient client = TestClients.builder(server, timing).credentials(key::get).build()) {
      client.jobs().get("j1");
      key.set("ck_second_key_0002");
      client.jobs().get("j1");
    }

    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer ck_first_key_0001");
    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer ck_second_key_0002");
  }

  @Test
  void stripsWhitespaceAroundASuppliedKey() throws Exception {
    server.enqueue(ok());
    OkHttpClient client = authClient(new AtomicReference<>("  ck_padded_key \n"), server.url("/"));

    call(client, server.url("/v1/jobs/j1"));

    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer ck_padded_key");
  }

  @Test
  void leavesRequestsToOtherHostsUntouched() throws Exception {
    elsewhere.enqueue(ok());
    server.enqueue(ok());
    OkHttpClient client = authClient(new AtomicReference<>(TestClients.API_KEY), server.url("/"));

    // Same host, another port: a different origin.
    call(client, elsewhere.url("/upload?sig=abc"));
    call(client, server.url("/v1/jobs/j1"));

    RecordedRequest other = elsewhere.takeRequest();
    assertThat(other.getHeaders().get("Authorization")).isNull();
    assertThat(other.getHeaders().get("User-Agent")).doesNotStartWith("clavata-java/");
    RecordedRequest api = server.takeRequest();
    assertThat(api.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestClients.API_KEY);
    assertThat(api.getHeaders().get("User-Agent")).startsWith("clavata-java/");
  }

  @Test
  void leavesRequestsToAnotherHostNameOfTheSameMachineUntouched() throws Exception {
    elsewhere.enqueue(ok());
    HttpUrl api = elsewhere.url("/");
    // The API is configured by another name for the same port: still a different origin.
    HttpUrl configured =
        api.newBuilder().host(api.host().equals("localhost") ? "127.0.0.1" : "localhost").build();
    OkHttpClient client = authClient(new AtomicReference<>(TestClients.API_KEY), configured);

    call(client, api.resolve("/v1/jobs/j1"));

    assertThat(elsewhere.takeRequest().getHeaders().get("Authorization")).isNull();
  }

  @Test
  void sendsTheKeyUnderAPathPrefixAndOutsideIt() throws Exception {
    server.enqueue(ok());
    server.enqueue(ok());
    OkHttpClient client = authClient(new AtomicReference<>("ck_prefix_key"), server.url("/api/"));

    call(client, server.url("/api/v1/jobs/j1"));
    call(client, server.url("/v1/jobs/j1"));

    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer ck_prefix_key");
    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer ck_prefix_key");
  }

  @Test
  void refusesABlankKeyWithoutSendingAnything() {
    OkHttpClient client = authClient(new AtomicReference<>("   "), server.url("/"));

    assertThatThrownBy(() -> call(client, server.url("/v1/jobs/j1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no API key");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void refusesANullKey() {
    OkHttpClient client = authClient(new AtomicReference<>(null), server.url("/"));

    assertThatThrownBy(() -> call(client, server.url("/v1/jobs/j1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no API key");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void refusesAKeyThatCannotBeAHeaderValueWithoutShowingIt() {
    OkHttpClient client = authClient(new AtomicReference<>("ck_secret part"), server.url("/"));

    assertThatThrownBy(() -> call(client, server.url("/v1/jobs/j1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("index 9")
        .message()
        .doesNotContain("ck_secret");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void refusesANonAsciiKey() {
    OkHttpClient client = authClient(new AtomicReference<>("ck_clé"), server.url("/"));

    assertThatThrownBy(() -> call(client, server.url("/v1/jobs/j1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a non-ASCII character at index 5");
  }

  @Test
  void aRedirectToAnotherOriginDoesNotCarryTheKey() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(302)
            .addHeader("Location", elsewhere.url("/v1/jobs/j1"))
            .build());
    elsewhere.enqueue(ok());
    try (ClavataClient client = TestClients.client(server, timing)) {
      assertThat(client.jobs().get("j1").jobUuid()).isEqualTo("j1");
    }

    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + TestClients.API_KEY);
    assertThat(elsewhere.takeRequest().getHeaders().get("Authorization")).isNull();
  }
}
