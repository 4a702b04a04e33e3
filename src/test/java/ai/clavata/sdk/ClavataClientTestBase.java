package ai.clavata.sdk;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;

/** A MockWebServer, virtual time and the responses the client tests share. */
abstract class ClavataClientTestBase {
  static final String JOB = "{\"job\":{\"jobUuid\":\"j\",\"status\":\"JOB_STATUS_COMPLETED\"}}";
  static final String EMPTY_PAGE = "{\"jobs\":[],\"nextPageToken\":\"\"}";

  @StartStop final MockWebServer server = new MockWebServer();

  final FakeTiming timing = new FakeTiming();

  static MockResponse ok(String body) {
    return new MockResponse.Builder().code(200).body(body).build();
  }

  static MockResponse unavailable() {
    return new MockResponse.Builder()
        .code(503)
        .body("{\"code\":14,\"message\":\"try later\"}")
        .build();
  }

  static void shutDown(OkHttpClient http) {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
