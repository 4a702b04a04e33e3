package ai.clavata.sdk.internal.http;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.ClavataClientBuilder;
import ai.clavata.sdk.FakeTiming;
import ai.clavata.sdk.TestClients;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;

/** What the retry tests share: a MockWebServer, virtual time, clients for it and responses. */
abstract class RetryTestBase {
  static final String JOB = "{\"job\":{\"jobUuid\":\"j1\",\"status\":\"JOB_STATUS_COMPLETED\"}}";

  @StartStop final MockWebServer server = new MockWebServer();

  final FakeTiming timing = new FakeTiming();

  static MockResponse ok() {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body(JOB)
        .build();
  }

  static MockResponse status(int code) {
    return new MockResponse.Builder()
        .code(code)
        .body("{\"message\":\"status " + code + "\"}")
        .build();
  }

  static MockResponse rateLimited(String retryAfter) {
    return new MockResponse.Builder()
        .code(429)
        .addHeader("Retry-After", retryAfter)
        .body("{\"code\":8,\"message\":\"slow down\"}")
        .build();
  }

  ClavataClient client() {
    return TestClients.client(server, timing);
  }

  ClavataClient client(Consumer<ClavataClientBuilder> settings) {
    ClavataClientBuilder builder = TestClients.builder(server, timing);
    settings.accept(builder);
    return builder.build();
  }

  static String httpDate(Duration afterStart) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(
        FakeTiming.START.plus(afterStart).atOffset(ZoneOffset.UTC));
  }
}
