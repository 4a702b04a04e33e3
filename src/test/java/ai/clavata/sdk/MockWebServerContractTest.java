package ai.clavata.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The mockwebserver3 behaviour that the other tests rely on, pinned: the plain build checks it on
 * mockwebserver3 5.x, the {@code okhttp4} profile on its stand-in (src/test-okhttp4/java), so the
 * stand-in cannot drift from the real server unnoticed.
 */
class MockWebServerContractTest {
  private static final MediaType TEXT = MediaType.get("text/plain");

  @StartStop final MockWebServer server = new MockWebServer();
  private final OkHttpClient client = new OkHttpClient();

  @AfterEach
  void releaseClient() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  private Response get(String path) throws IOException {
    return client.newCall(new Request.Builder().url(server.url(path)).build()).execute();
  }

  @Test
  void requestsOnOneConnectionAreNumberedOnIt() throws Exception {
    server.enqueue(new MockResponse.Builder().body("a").build());
    server.enqueue(new MockResponse.Builder().body("b").build());
    try (Response first = get("/1")) {
      assertThat(first.body().string()).isEqualTo("a");
    }
    try (Response second = get("/2?q=x")) {
      assertThat(second.body().string()).isEqualTo("b");
    }

    assertThat(server.getRequestCount()).isEqualTo(2);
    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(first.getConnectionIndex()).isEqualTo(second.getConnectionIndex());
    assertThat(first.getExchangeIndex()).isZero();
    assertThat(second.getExchangeIndex()).isEqualTo(1);
    assertThat(second.getUrl()).isEqualTo(server.url("/2?q=x"));
    assertThat(second.getTarget()).isEqualTo("/2?q=x");
    assertThat(second.getRequestLine()).isEqualTo("GET /2?q=x HTTP/1.1");
    assertThat(second.getBody()).isNull();
    assertThat(second.getBodySize()).isZero();
    assertThat(server.takeRequest(0, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void bodiesAreRecordedWithTheirFraming() throws Exception {
    server.enqueue(new MockResponse.Builder().build());
    server.enqueue(new MockResponse.Builder().build());
    RequestBody sized = RequestBody.create("hello", TEXT);
    RequestBody unsized =
        new RequestBody() {
          @Override
          public MediaType contentType() {
            return TEXT;
          }

          @Override
          public void writeTo(BufferedSink sink) throws IOException {
            sink.writeUtf8("hel").flush();
            sink.writeUtf8("lo!");
          }
        };
    for (RequestBody body : new RequestBody[] {sized, unsized}) {
      Request post = new Request.Builder().url(server.url("/")).post(body).build();
      try (Response response = client.newCall(post).execute()) {
        assertThat(response.code()).isEqualTo(200);
      }
    }

    RecordedRequest withLength = server.takeRequest();
    assertThat(withLength.getBody().utf8()).isEqualTo("hello");
    assertThat(withLength.getBodySize()).isEqualTo(5);
    assertThat(withLength.getChunkSizes()).isNull();
    assertThat(withLength.getHeaders().get("Content-Length")).isEqualTo("5");
    RecordedRequest chunked = server.takeRequest();
    assertThat(chunked.getBody().utf8()).isEqualTo("hello!");
    assertThat(chunked.getChunkSizes()).isNotEmpty();
    assertThat(chunked.getChunkSizes().stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
  }

  @Test
  void statusLinesAndHeadersAreWrittenAsScripted() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "7").build());
    server.enqueue(new MockResponse.Builder().status("HTTP/1.1 299 Custom Reason").build());
    try (Response unavailable = get("/")) {
      assertThat(unavailable.code()).isEqualTo(503);
      assertThat(unavailable.message()).isEqualTo("Server Error");
      assertThat(unavailable.header("Retry-After")).isEqualTo("7");
      assertThat(unavailable.header("Content-Length")).isEqualTo("0");
    }
    try (Response custom = get("/")) {
      assertThat(custom.code()).isEqualTo(299);
      assertThat(custom.message()).isEqualTo("Custom Reason");
    }
  }

  @Test
  void aBodyObjectWritesItselfAfterItsContentLength() throws Exception {
    MockResponseBody body =
        new MockResponseBody() {
          @Override
          public long getContentLength() {
            return 6;
          }

          @Override
          public void writeTo(BufferedSink sink) throws IOException {
            sink.writeUtf8("abc").flush();
            sink.writeUtf8("def");
          }
        };
    server.enqueue(new MockResponse.Builder().body(body).build());
    try (Response response = get("/")) {
      assertThat(response.header("Content-Length")).isEqualTo("6");
      assertThat(response.body().string()).isEqualTo("abcdef");
    }
  }

  @Test
  void closingTheSocketMidBodyCutsItInHalf() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .body("0123456789")
            .onResponseBody(new SocketEffect.CloseSocket())
            .build());
    try (Response response = get("/")) {
      assertThat(response.header("Content-Length")).isEqualTo("10");
      byte[] received = new byte[10];
      int read = response.body().byteStream().readNBytes(received, 0, 5);
      assertThat(new String(received, 0, read, StandardCharsets.UTF_8)).isEqualTo("01234");
      assertThatThrownBy(() -> response.body().source().readByte()).isInstanceOf(IOException.class);
    }
  }

  @Test
  void closingTheSocketAtTheStartAnswersNothing() throws Exception {
    server.enqueue(
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    OkHttpClient noRetry = client.newBuilder().retryOnConnectionFailure(false).build();
    Request request = new Request.Builder().url(server.url("/")).build();

    assertThatThrownBy(() -> noRetry.newCall(request).execute()).isInstanceOf(IOException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void theHeadersDelayHoldsTheWholeResponseBack() throws Exception {
    server.enqueue(
        new MockResponse.Builder().body("late").headersDelay(300, TimeUnit.MILLISECONDS).build());
    long start = System.nanoTime();
    try (Response response = get("/")) {
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(300);
      assertThat(response.body().string()).isEqualTo("late");
    }
  }

  @Test
  void aThrottledBodyArrivesAtItsPace() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .body("aabbcc")
            .throttleBody(2, 100, TimeUnit.MILLISECONDS)
            .build());
    long start = System.nanoTime();
    try (Response response = get("/")) {
      assertThat(response.body().string()).isEqualTo("aabbcc");
    }
    // Two pauses: after "aa" and after "bb".
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(200);
  }
}
