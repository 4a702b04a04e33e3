package ai.clavata.sdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.FakeTiming;
import ai.clavata.sdk.events.ClavataEventListener;
import ai.clavata.sdk.internal.Timing;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The retry interceptor on its own, in a bare OkHttp client. */
class RetryInterceptorTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private OkHttpClient http;

  @AfterEach
  void release() {
    if (http != null) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    Thread.interrupted(); // never leak an interrupt into the next test
  }

  private OkHttpClient client(Timing timing) {
    http =
        new OkHttpClient.Builder()
            .addInterceptor(
                new RetryInterceptor(
                    RetryPolicy.DEFAULT,
                    timing,
                    new CallEvents(ClavataEventListener.NONE, new Redactor(() -> null), timing)))
            .build();
    return http;
  }

  /** A clock that stands still and whose sleeps are interrupted. */
  private static final Timing INTERRUPTED =
      new Timing() {
        @Override
        public long nanoTime() {
          return 0;
        }

        @Override
        public Instant now() {
          return Instant.EPOCH;
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
          throw new InterruptedException("stop");
        }
      };

  @Test
  void anInterruptedWaitEndsTheCallAndKeepsTheInterruptFlag() {
    server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
    server.enqueue(new MockResponse.Builder().body("ok").build());
    OkHttpClient client = client(INTERRUPTED);

    assertThatThrownBy(
            () -> client.newCall(new Request.Builder().url(server.url("/")).build()).execute())
        .isInstanceOf(InterruptedIOException.class)
        .hasMessage("interrupted while waiting")
        .hasCauseInstanceOf(InterruptedException.class);
    assertThat(Thread.interrupted()).as("the interrupt flag was restored").isTrue();
    assertThat(server.getRequestCount()).isEqualTo(1);
    // The 503 was closed before the wait: its connection went back to the pool.
    assertThat(client.connectionPool().idleConnectionCount())
        .isEqualTo(client.connectionPool().connectionCount());
  }

  @Test
  void doesNotReplayAOneShotBody() throws IOException {
    server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
    server.enqueue(new MockResponse.Builder().body("ok").build());
    FakeTiming timing = new FakeTiming();
    RequestBody oneShot =
        new RequestBody() {
          @Override
          public MediaType contentType() {
            return MediaType.get("application/json");
          }

          @Override
          public void writeTo(BufferedSink sink) throws IOException {
            sink.writeUtf8("{}");
          }

          @Override
          public boolean isOneShot() {
            return true;
          }
        };

    try (Response response =
        client(timing)
            .newCall(new Request.Builder().url(server.url("/")).post(oneShot).build())
            .execute()) {
      assertThat(response.code()).isEqualTo(503);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(timing.sleeps()).isEmpty();
  }

  @Test
  void retriesAnUntaggedGetAsIdempotent() throws IOException {
    server.enqueue(new MockResponse.Builder().code(500).body("boom").build());
    server.enqueue(new MockResponse.Builder().body("ok").build());
    FakeTiming timing = new FakeTiming();

    try (Response response =
        client(timing).newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().string()).isEqualTo("ok");
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void returnsTheLastResponseOpenWhenRetriesRunOut() throws IOException {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(503).body("busy " + i).build());
    }
    FakeTiming timing = new FakeTiming();

    try (Response response =
        client(timing).newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
      assertThat(response.code()).isEqualTo(503);
      assertThat(response.body().string()).isEqualTo("busy 2");
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(timing.sleeps()).hasSize(2);
  }
}
