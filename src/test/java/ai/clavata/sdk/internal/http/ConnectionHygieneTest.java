package ai.clavata.sdk.internal.http;

import static ai.clavata.sdk.TestRequests.createJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.FakeTiming;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.errors.ClavataIoException;
import ai.clavata.sdk.errors.ContentRefusedException;
import ai.clavata.sdk.errors.NotFoundException;
import ai.clavata.sdk.errors.RateLimitException;
import ai.clavata.sdk.errors.ServerException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every response is closed on every path: after failures, retries and successes one pooled
 * connection serves every request, which is only possible if no response was left open.
 */
class ConnectionHygieneTest {
  private static final String JOB =
      "{\"job\":{\"jobUuid\":\"j1\",\"status\":\"JOB_STATUS_COMPLETED\"}}";

  @StartStop final MockWebServer server = new MockWebServer();

  private final FakeTiming timing = new FakeTiming();
  private final OkHttpClient shared = new OkHttpClient();

  @AfterEach
  void releaseTheSharedClient() {
    shared.dispatcher().executorService().shutdown();
    shared.connectionPool().evictAll();
  }

  private static MockResponse ok() {
    return new MockResponse.Builder().body(JOB).build();
  }

  private static MockResponse error(int code, String body) {
    return new MockResponse.Builder().code(code).body(body).build();
  }

  private void assertEveryConnectionIsIdle() {
    assertThat(shared.connectionPool().connectionCount()).isEqualTo(1);
    assertThat(shared.connectionPool().idleConnectionCount())
        .isEqualTo(shared.connectionPool().connectionCount());
  }

  private List<RecordedRequest> takeAll() throws InterruptedException {
    List<RecordedRequest> all = new ArrayList<>();
    for (int i = server.getRequestCount(); i > 0; i--) {
      all.add(server.takeRequest(5, TimeUnit.SECONDS));
    }
    return all;
  }

  @Test
  void reusesOneConnectionThroughFailuresRetriesAndSuccesses() throws Exception {
    AtomicBoolean failNext = new AtomicBoolean();
    String bigHtml = "<html>" + "<p>proxy error page</p>\n".repeat(4000) + "</html>"; // ~96 KB
    try (ClavataClient client =
        TestClients.builder(server, timing)
            .okHttpClient(shared)
            .addInterceptor(
                chain -> {
                  if (failNext.getAndSet(false)) {
                    throw new ConnectException("Connection refused");
                  }
                  return chain.proceed(chain.request());
                })
            .build()) {
      // A rate limit, retried: the 429 is closed before the second attempt.
      server.enqueue(
          new MockResponse.Builder()
              .code(429)
              .addHeader("Retry-After", "1")
              .body("{\"code\":8}")
              .build());
      server.enqueue(ok());
      assertThat(client.jobs().get("j1").jobUuid()).isEqualTo("j1");
      assertEveryConnectionIsIdle();

      // Server errors until the retries run out: the last one is read and closed.
      for (int i = 0; i < 3; i++) {
        server.enqueue(error(503, "{\"code\":14,\"message\":\"unavailable\"}"));
      }
      assertThat(catchThrowableOfType(ServerException.class, () -> client.jobs().get("j1")))
          .isNotNull();
      assertEveryConnectionIsIdle();

      // A create that is not retried.
      server.enqueue(error(500, "{\"code\":13,\"message\":\"internal\"}"));
      assertThat(
              catchThrowableOfType(ServerException.class, () -> client.jobs().create(createJob())))
          .isNotNull();
      assertEveryConnectionIsIdle();

      // Errors that are never retried.
      server.enqueue(error(404, "{\"code\":5,\"message\":\"no such job\"}"));
      assertThat(catchThrowableOfType(NotFoundException.class, () -> client.jobs().get("j1")))
          .isNotNull();
      server.enqueue(error(499, "{\"code\":1,\"message\":\"refused\"}"));
      assertThat(
              catchThrowableOfType(
                  ContentRefusedException.class, () -> client.jobs().create(createJob())))
          .isNotNull();
      assertEveryConnectionIsIdle();

      // Error pages larger than the part that is read, retried and then reported.
      for (int i = 0; i < 3; i++) {
        server.enqueue(error(502, bigHtml));
      }
      ServerException big =
          catchThrowableOfType(ServerException.class, () -> client.jobs().get("j1"));
      assertThat(big.message()).startsWith("<html><p>proxy error page</p>").endsWith("…");
      assertEveryConnectionIsIdle();

      // A wait longer than the cap: reported at once.
      server.enqueue(
          new MockResponse.Builder()
              .code(429)
              .addHeader("Retry-After", "120")
              .body("{\"code\":8}")
              .build());
      assertThat(catchThrowableOfType(RateLimitException.class, () -> client.jobs().get("j1")))
          .isNotNull();
      assertEveryConnectionIsIdle();

      // A success whose body cannot be read.
      server.enqueue(new MockResponse.Builder().body("<html>not json</html>").build());
      assertThat(catchThrowableOfType(ClavataDecodeException.class, () -> client.jobs().get("j1")))
          .isNotNull();
      assertEveryConnectionIsIdle();

      // An I/O failure before sending, then a retry that succeeds.
      failNext.set(true);
      server.enqueue(ok());
      assertThat(client.jobs().create(createJob()).jobUuid()).isEqualTo("j1");

      // An I/O failure that is not retried, through a copy that shares the pool.
      failNext.set(true);
      try (ClavataClient once = client.withOptions(o -> o.maxRetries(0))) {
        assertThat(catchThrowableOfType(ClavataIoException.class, () -> once.jobs().get("j1")))
            .isNotNull();
      }
      assertThat(failNext).isFalse();
      assertEveryConnectionIsIdle();

      server.enqueue(ok());
      assertThat(client.jobs().get("j1").jobUuid()).isEqualTo("j1");
      assertEveryConnectionIsIdle();
    }

    // Closing a client built on a shared OkHttpClient leaves the pool to its owner.
    assertThat(shared.connectionPool().connectionCount()).isEqualTo(1);
    assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();

    List<RecordedRequest> requests = takeAll();
    assertThat(requests).hasSize(15);
    assertThat(requests).extracting(RecordedRequest::getConnectionIndex).containsOnly(0);
    List<Integer> exchanges = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      exchanges.add(i);
    }
    assertThat(requests)
        .extracting(RecordedRequest::getExchangeIndex)
        .containsExactlyElementsOf(exchanges);
  }
}
