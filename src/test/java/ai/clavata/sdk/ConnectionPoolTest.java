package ai.clavata.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The pool the SDK creates carries a client's concurrency without reconnecting. */
class ConnectionPoolTest {
  private static final int THREADS = 16;
  private static final int CALLS_PER_THREAD = 20;

  @StartStop private final MockWebServer server = new MockWebServer();
  private final FakeTiming timing = new FakeTiming();

  private void answerEveryGet() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder().body("{\"job\":{\"jobUuid\":\"j\"}}").build();
          }
        });
  }

  /** Runs {@code CALLS_PER_THREAD} gets on each of {@code THREADS} threads, started together. */
  private void hammer(ClavataClient client) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        done.add(
            threads.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < CALLS_PER_THREAD; i++) {
                    assertThat(client.jobs().get("j").jobUuid()).isEqualTo("j");
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> future : done) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /** The distinct connections the server saw, by its own connection numbering. */
  private Set<Integer> connectionsSeen() throws InterruptedException {
    Set<Integer> connections = new HashSet<>();
    for (int i = 0; i < THREADS * CALLS_PER_THREAD; i++) {
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(request).as("request %d", i).isNotNull();
      connections.add(request.getConnectionIndex());
    }
    return connections;
  }

  @Test
  void sixteenThreadsOnOneClientUseAtMostSixteenConnections() throws Exception {
    answerEveryGet();
    try (ClavataClient client = TestClients.client(server, timing)) {
      hammer(client);
    }
    assertThat(connectionsSeen()).hasSizeBetween(1, THREADS);
  }

  @Test
  void aPoolSmallerThanTheThreadsReconnects() throws Exception {
    // The contrast that shows the test above can fail: OkHttp's default of 5 idle connections.
    answerEveryGet();
    try (ClavataClient client = TestClients.builder(server, timing).maxIdleConnections(1).build()) {
      hammer(client);
    }
    assertThat(connectionsSeen().size()).isGreaterThan(THREADS);
  }

  @Test
  void theCallersClientKeepsItsOwnPool() throws Exception {
    answerEveryGet();
    ConnectionPool pool = new ConnectionPool(3, 1, TimeUnit.MINUTES);
    OkHttpClient mine = new OkHttpClient.Builder().connectionPool(pool).build();
    try (ClavataClient client = TestClients.builder(server, timing).okHttpClient(mine).build()) {
      client.jobs().get("j");
      assertThat(pool.connectionCount()).isEqualTo(1);
    }
    assertThat(pool.connectionCount()).as("close leaves the caller's pool alone").isEqualTo(1);
    pool.evictAll();
  }

  @Test
  void poolSettingsAreRefusedWithTheCallersClient() {
    ClavataClientBuilder builder =
        TestClients.builder(server, timing).okHttpClient(new OkHttpClient()).maxIdleConnections(8);
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("OkHttpClient.Builder.connectionPool");
    ClavataClientBuilder keepAlive =
        TestClients.builder(server, timing)
            .okHttpClient(new OkHttpClient())
            .keepAlive(Duration.ofSeconds(5));
    assertThatThrownBy(keepAlive::build).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void poolSettingsAreValidated() {
    ClavataClientBuilder builder = TestClients.builder(server, timing);
    assertThatThrownBy(() -> builder.maxIdleConnections(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxIdleConnections must be at least 1, was 0");
    assertThatThrownBy(() -> builder.keepAlive(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keepAlive must be positive");
    assertThatThrownBy(() -> builder.keepAlive(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withOptionsCannotChangeTheSharedPool() {
    try (ClavataClient client = TestClients.client(server, timing)) {
      assertThatThrownBy(() -> client.withOptions(o -> o.maxIdleConnections(2)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cannot change the connection pool");
      assertThatThrownBy(() -> client.withOptions(o -> o.keepAlive(Duration.ofSeconds(1))))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void toStringShowsThePool() {
    try (ClavataClient client =
        TestClients.builder(server, timing).maxIdleConnections(32).build()) {
      assertThat(client.toString()).contains("maxIdleConnections=32", "keepAlive=PT5M");
    }
  }
}
