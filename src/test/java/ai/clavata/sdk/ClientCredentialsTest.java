package ai.clavata.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.jobs.CreateJobRequest;
import ai.clavata.sdk.jobs.ListJobsRequest;
import ai.clavata.sdk.model.ContentData;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The API key and the base URL: where they come from, what is refused, what is sent. */
class ClientCredentialsTest extends ClavataClientTestBase {
  @Test
  void buildWithoutKeyNamesTheEnvironmentVariable() {
    assertThatThrownBy(() -> ClavataClient.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CLAVATA_API_KEY");
  }

  @Test
  void fromEnvWithNothingSetFailsNamingTheEnvironmentVariable() {
    assertThatThrownBy(() -> ClavataClient.builder().fromEnv(name -> null, name -> null).build())
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
      assertThat(client.toString())
          .contains(server.url("/").toString())
          .doesNotContain("env.invalid");
    }

    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer prop-key-456");
  }

  @Test
  void blankPropertyFallsBackToTheEnvironmentAndKeyIsTrimmed() throws Exception {
    Map<String, String> env =
        Map.of(
            "CLAVATA_API_KEY", "  env-key-789\n", "CLAVATA_BASE_URL", server.url("/").toString());
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
  @ValueSource(
      strings = {
        "https://example.com/?a=b",
        "https://example.com/v?x",
        "https://example.com/#frag"
      })
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
              CreateJobRequest.builder().policyId("p").addContent(ContentData.text("hi")).build());
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
}
