package ai.clavata.sdk;

import mockwebserver3.MockWebServer;

/** Clients wired to a MockWebServer with virtual time, for tests in any package. */
public final class TestClients {
  /** The API key every test client sends; tests assert it never leaks. */
  public static final String API_KEY = "ck_test_4f9a1c2e8b7d6a5f";

  private TestClients() {}

  /** A builder for {@code server} with the test key and {@code timing} behind retries and polls. */
  public static ClavataClientBuilder builder(MockWebServer server, FakeTiming timing) {
    return builder(server.url("/").toString(), timing);
  }

  /** A builder for the API at {@code baseUrl}, with the test key and {@code timing}. */
  public static ClavataClientBuilder builder(String baseUrl, FakeTiming timing) {
    return ClavataClient.builder().apiKey(API_KEY).baseUrl(baseUrl).timing(timing);
  }

  /** A client for {@code server} with default settings and virtual time. */
  public static ClavataClient client(MockWebServer server, FakeTiming timing) {
    return builder(server, timing).build();
  }
}
