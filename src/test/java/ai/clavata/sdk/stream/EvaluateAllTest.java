package ai.clavata.sdk.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.errors.StreamInterruptedException;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.EvaluationResult;
import ai.clavata.sdk.model.Outcome;
import ai.clavata.sdk.testing.FakeClavataServer;
import ai.clavata.sdk.testing.FakeEndpoint;
import ai.clavata.sdk.testing.FakeFailure;
import ai.clavata.sdk.testing.FakePolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code evaluateAll}: many items, many requests, every item answered once. */
class EvaluateAllTest {
  private final FakeClavataServer server = FakeClavataServer.start();
  private final ClavataClient client =
      ClavataClient.builder().apiKey(server.apiKey()).baseUrl(server.baseUrl()).build();

  EvaluateAllTest() {
    server.policy("p", FakePolicy.keywords("Threats", "hurt"));
  }

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  /** Item {@code i}: every seventh one a threat. */
  private static ContentData item(int i) {
    return ContentData.text(i % 7 == 0 ? "I will hurt you #" + i : "hello #" + i);
  }

  /** Items 0 to n-1, counting how many were read. */
  private static Iterable<ContentData> items(int n, AtomicInteger pulled) {
    return () ->
        new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < n;
          }

          @Override
          public ContentData next() {
            pulled.incrementAndGet();
            return item(next++);
          }
        };
  }

  /** Asserts each index in [0, n) was answered exactly once, by the result for its own item. */
  private static void assertEachAnsweredOnce(List<EvaluationResult> results, int n) {
    BitSet seen = new BitSet(n);
    for (EvaluationResult r : results) {
      assertThat(seen.get(r.inputIndex())).as("index %d answered twice", r.inputIndex()).isFalse();
      seen.set(r.inputIndex());
      assertThat(r.input()).isEqualTo(item(r.inputIndex()));
      assertThat(r.report().outcome())
          .isEqualTo(r.inputIndex() % 7 == 0 ? Outcome.TRUE : Outcome.FALSE);
    }
    assertThat(seen.cardinality()).isEqualTo(n);
  }

  private static long streamRequests(FakeClavataServer server) {
    return server.requests().stream().filter(r -> r.path().equals("/v1/jobs/stream")).count();
  }

  @Test
  void tenThousandItemsAreEachAnsweredOnceAcrossManyRequests() {
    EvaluateAllOptions options =
        EvaluateAllOptions.builder().batchSize(100).maxConcurrency(8).build();
    List<EvaluationResult> results;
    try (EvaluationStream stream =
        client.stream().evaluateAll("p", items(10_000, new AtomicInteger()), options)) {
      results = stream.toList();
    }
    assertEachAnsweredOnce(results, 10_000);
    assertThat(streamRequests(server)).isEqualTo(100);
  }

  @Test
  void rateLimitsAreWaitedOutAndNothingIsLost() {
    server.failNext(FakeEndpoint.STREAM, 6, FakeFailure.rateLimited(Duration.ofMillis(20)));
    EvaluateAllOptions options =
        EvaluateAllOptions.builder().batchSize(50).maxConcurrency(4).build();
    try (EvaluationStream stream =
        client.stream().evaluateAll("p", items(1_000, new AtomicInteger()), options)) {
      assertEachAnsweredOnce(stream.toList(), 1_000);
    }
    assertThat(streamRequests(server)).isEqualTo(20 + 6);
  }

  @Test
  void anErrorInTheMiddleOfAStreamResendsOnlyWhatWasUnanswered() {
    server.failStreamAfter(10, FakeFailure.unavailable());
    EvaluateAllOptions options =
        EvaluateAllOptions.builder().batchSize(40).maxConcurrency(2).build();
    try (EvaluationStream stream =
        client.stream().evaluateAll("p", items(400, new AtomicInteger()), options)) {
      assertEachAnsweredOnce(stream.toList(), 400);
    }
  }

  @Test
  void aPermanentFailureEndsTheRunListingTheUnansweredItems() {
    server.failNext(FakeEndpoint.STREAM, 1_000, FakeFailure.status(400, 3, "bad request"));
    EvaluateAllOptions options =
        EvaluateAllOptions.builder().batchSize(10).maxConcurrency(1).build();
    try (EvaluationStream stream =
        client.stream().evaluateAll("p", items(100, new AtomicInteger()), options)) {
      StreamInterruptedException e =
          catchThrowableOfType(StreamInterruptedException.class, stream::toList);
      assertThat(e.unansweredInputs())
          .containsExactlyElementsOf(IntStream.range(0, 10).boxed().toList());
      assertThat(e.resultsReceived()).isZero();
      assertThat(e.getCause().getMessage()).contains("bad request");
    }
  }

  @Test
  void anItemThatKeepsFailingIsReportedAfterMaxAttempts() {
    server.failNext(FakeEndpoint.STREAM, 1_000, FakeFailure.rateLimited(Duration.ofMillis(1)));
    EvaluateAllOptions options =
        EvaluateAllOptions.builder().batchSize(5).maxConcurrency(1).maxAttempts(2).build();
    try (ClavataClient noRetries = client.withOptions(o -> o.maxRetries(0));
        EvaluationStream stream =
            noRetries.stream().evaluateAll("p", items(5, new AtomicInteger()), options)) {
      StreamInterruptedException e =
          catchThrowableOfType(StreamInterruptedException.class, stream::toList);
      assertThat(e.unansweredInputs()).containsExactly(0, 1, 2, 3, 4);
    }
    assertThat(streamRequests(server)).isEqualTo(2);
  }

  @Test
  void aSlowConsumerHoldsBackTheReadingOfItems() {
    AtomicInteger pulled = new AtomicInteger();
    EvaluateAllOptions options =
        EvaluateAllOptions.builder().batchSize(20).maxConcurrency(4).build();
    int bound = 20 * 4 + 1 + 20 * 4; // the queue, plus one batch in each worker's hands
    try (EvaluationStream stream =
        client.stream().evaluateAll("p", items(100_000, pulled), options)) {
      Iterator<EvaluationResult> results = stream.iterator();
      for (int consumed = 1; consumed <= 2_000; consumed++) {
        results.next();
        assertThat(pulled.get())
            .as("read ahead of %d consumed", consumed)
            .isLessThanOrEqualTo(consumed + bound);
      }
    }
    assertThat(pulled.get()).isLessThan(100_000);
  }

  @Test
  void closingEarlyEndsEveryWorker() throws Exception {
    EvaluationStream stream =
        client.stream()
            .evaluateAll("p", items(100_000, new AtomicInteger()), EvaluateAllOptions.defaults());
    Iterator<EvaluationResult> results = stream.iterator();
    for (int i = 0; i < 10; i++) {
      results.next();
    }
    stream.close();

    List<Thread> workers = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("clavata-evaluate-all-")) {
        workers.add(t);
      }
    }
    for (Thread worker : workers) {
      worker.join(TimeUnit.SECONDS.toMillis(10));
      assertThat(worker.isAlive()).as(worker.getName()).isFalse();
    }
    assertThatThrownBy(results::next).isInstanceOf(RuntimeException.class);
  }

  @Test
  void closingEarlyReleasesEveryConnection() throws Exception {
    ConnectionPool pool = new ConnectionPool(16, 1, TimeUnit.MINUTES);
    OkHttpClient mine = new OkHttpClient.Builder().connectionPool(pool).build();
    try (ClavataClient own =
        ClavataClient.builder()
            .apiKey(server.apiKey())
            .baseUrl(server.baseUrl())
            .okHttpClient(mine)
            .build()) {
      EvaluationStream stream =
          own.stream()
              .evaluateAll(
                  "p",
                  items(100_000, new AtomicInteger()),
                  EvaluateAllOptions.builder().batchSize(50).maxConcurrency(4).build());
      Iterator<EvaluationResult> results = stream.iterator();
      for (int i = 0; i < 10; i++) {
        results.next();
      }
      stream.close();
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (t.getName().startsWith("clavata-evaluate-all-")) {
          t.join(TimeUnit.SECONDS.toMillis(10));
        }
      }
      pool.evictAll(); // closes the idle ones: what is left is still held by a response
      assertThat(pool.connectionCount()).isZero();
    }
    mine.dispatcher().executorService().shutdown();
  }

  @Test
  void badArgumentsFailBeforeAnyRequest() {
    Iterable<ContentData> some = List.of(ContentData.text("a"));
    assertThatThrownBy(() -> client.stream().evaluateAll(" ", some, EvaluateAllOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                client.stream()
                    .evaluateAll("p", (Iterable<ContentData>) null, EvaluateAllOptions.defaults()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> EvaluateAllOptions.builder().batchSize(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("batchSize must be between 1 and 1000, but was 0");
    assertThatThrownBy(() -> EvaluateAllOptions.builder().maxConcurrency(65).build())
        .hasMessageContaining("maxConcurrency");
    assertThat(streamRequests(server)).isZero();
  }

  @Test
  void aNullItemEndsTheRunWithAClearError() {
    List<ContentData> withNull = new ArrayList<>(List.of(ContentData.text("a")));
    withNull.add(null);
    try (EvaluationStream stream =
        client.stream().evaluateAll("p", withNull, EvaluateAllOptions.defaults())) {
      assertThatThrownBy(stream::toList)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("item 1 is null");
    }
  }

  @Test
  void theStreamFormReadsLazilyToo() {
    try (EvaluationStream stream =
        client.stream()
            .evaluateAll(
                "p",
                IntStream.range(0, 300).mapToObj(EvaluateAllTest::item),
                EvaluateAllOptions.defaults())) {
      assertEachAnsweredOnce(stream.toList(), 300);
    }
  }

  @Test
  void theAsyncFormPushesEveryResult() throws Exception {
    List<EvaluationResult> seen = new CopyOnWriteArrayList<>();
    client.async().stream()
        .evaluateAll("p", items(500, new AtomicInteger()), EvaluateAllOptions.defaults(), seen::add)
        .get(30, TimeUnit.SECONDS);
    assertEachAnsweredOnce(seen, 500);
  }
}
