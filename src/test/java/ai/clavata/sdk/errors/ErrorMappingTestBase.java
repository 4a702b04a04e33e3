package ai.clavata.sdk.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.FakeTiming;
import ai.clavata.sdk.TestClients;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;

/** Error responses served by a MockWebServer and the exception a GET turns each into. */
abstract class ErrorMappingTestBase {
  @StartStop final MockWebServer server = new MockWebServer();

  final FakeTiming timing = new FakeTiming();

  /** GETs a job with retries off and returns what it threw. */
  ClavataApiException errorFor(MockResponse response) {
    server.enqueue(response);
    int before = server.getRequestCount();
    try (ClavataClient client = TestClients.builder(server, timing).maxRetries(0).build()) {
      ClavataApiException e =
          catchThrowableOfType(ClavataApiException.class, () -> client.jobs().get("job-1"));
      assertThat(e).as("an API exception was thrown").isNotNull();
      assertThat(server.getRequestCount() - before).as("requests sent").isEqualTo(1);
      return e;
    }
  }

  static MockResponse status(int http, String body) {
    return new MockResponse.Builder()
        .code(http)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  static String statusBody(int code, String message) {
    return "{\"code\":" + code + ",\"message\":\"" + message + "\",\"details\":[]}";
  }
}
