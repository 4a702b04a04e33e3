package ai.clavata.sdk.stream;

import static ai.clavata.sdk.TestResponses.ok;
import static ai.clavata.sdk.stream.StreamFixtures.GATE_SECONDS;
import static ai.clavata.sdk.stream.StreamFixtures.errorLine;
import static ai.clavata.sdk.stream.StreamFixtures.request;
import static ai.clavata.sdk.stream.StreamFixtures.result;
import static ai.clavata.sdk.stream.StreamFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.FakeTiming;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.errors.BadRequestException;
import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.errors.ClavataTimeoutException;
import ai.clavata.sdk.errors.RateLimitException;
import ai.clavata.sdk.errors.StreamInterruptedException;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.EvaluationResult;
import ai.clavata.sdk.stream.StreamFixtures.EndlessBody;
import ai.clavata.sdk.stream.StreamFixtures.GatedBody;
import java.lang.ref.WeakReference;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Incremental delivery, release of the connection, timeouts. */
@Timeout(60)
class StreamLifecycleTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private final FakeTiming timing = new FakeTiming();
  private final OkHttpClient shared = new OkHttpClient();
  private ClavataClient client;

  @BeforeEach
  void openClient() {
    client = TestClients.builder(server, timing).okHttpClient(shared).build();
  }

  private final List<GatedBody> gates = new ArrayList<>();

  @AfterEach
  void release() {
    gates.forEach(g -> g.gate.countDown());
    client.close();
    shared.dispatcher().executorService().shutdown();
    shared.connectionPool().evictAll();
  }

  private GatedBody gated(String first, String rest) {
    GatedBody body = new GatedBody(first, rest);
    gates.add(body);
    return body;
  }

  private static boolean await(CountDownLatch latch) throws InterruptedException {
    return latch.await(GATE_SECONDS, TimeUnit.SECONDS);
  }

  private int connectionsInUse() {
    ConnectionPool pool = shared.connectionPool();
    return pool.connectionCount() - pool.idleConnectionCount();
  }

  // ---- incremental delivery ----

  @Test
  void theFirstResultArrivesWhileTheServerStillWithholdsTheRest() throws Exception {
    GatedBody body = gated(result(1), result(2) + result(0));
    server.enqueue(ok(body));
    try (EvaluationStream stream = client.stream().evaluate(request(3).build())) {
      Iterator<EvaluationResult> iterator = stream.iterator();
      assertThat(iterator.hasNext()).isTrue();
      EvaluationResult first = iterator.next();

      // The server has not been let go on: the result came from the first line alone.
      assertThat(first.inputIndex()).isEqualTo(1);
      assertThat(body.gate.getCount()).isEqualTo(1);
      assertThat(body.restWritten).isFalse();
      assertThat(body.gateTimedOut).isFalse();

      body.gate.countDown();
      List<Integer> rest = new ArrayList<>();
      iterator.forEachRemaining(r -> rest.add(r.inputIndex()));
      assertThat(rest).containsExactly(2, 0);
    }
    assertThat(await(body.done)).isTrue();
    assertThat(body.gateTimedOut).as("the client never waited for the whole body").isFalse();
    assertThat(body.restWritten).isTrue();
  }

  @Test
  void evaluateReturnsBeforeTheFirstLine() throws Exception {
    GatedBody body = gated("", result(0));
    server.enqueue(ok(body));
    try (EvaluationStream stream = client.stream().evaluate(request(1).build())) {
      assertThat(body.gate.getCount()).isEqualTo(1);
      body.gate.countDown();
      assertThat(stream.toList()).extracting(EvaluationResult::inputIndex).containsExactly(0);
    }
    assertThat(body.gateTimedOut).isFalse();
  }

  // ---- early close ----

  @Test
  void closingAfterTheFirstResultReleasesTheConnection() throws Exception {
    EndlessBody body = new EndlessBody(result(0));
    server.enqueue(ok(body));
    EvaluationStream stream = client.stream().evaluate(request(2).build());
    Iterator<EvaluationResult> iterator = stream.iterator();
    assertThat(iterator.next().inputIndex()).isEqualTo(0);
    assertThat(connectionsInUse()).isEqualTo(1);

    stream.close();
    assertThat(await(body.clientClosed)).as("the server saw the connection closed").isTrue();
    assertThat(connectionsInUse()).isZero();

    stream.close(); // idempotent
    assertThatThrownBy(stream::iterator).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(iterator::hasNext).isInstanceOf(IllegalStateException.class);

    // The client and its pool still work.
    server.enqueue(ok(result(0)));
    try (EvaluationStream next = client.stream().evaluate(request(1).build())) {
      assertThat(next.toList()).hasSize(1);
    }
    assertThat(connectionsInUse()).isZero();
  }

  @Test
  void closingFromAnotherThreadStopsABlockedIteration() throws Exception {
    GatedBody body = gated(result(1), result(0));
    server.enqueue(ok(body));
    EvaluationStream stream = client.stream().evaluate(request(2).build());
    CountDownLatch gotFirst = new CountDownLatch(1);
    CompletableFuture<Throwable> reader =
        CompletableFuture.supplyAsync(
            () ->
                catchThrowable(
                    () -> {
                      for (EvaluationResult r : stream) {
                        gotFirst.countDown();
                      }
                    }));
    assertThat(await(gotFirst)).isTrue();
    // The reader now waits for a line the server withholds (or is about to): close stops it.
    stream.close();
    Throwable failure = reader.get(GATE_SECONDS, TimeUnit.SECONDS);
    assertThat(failure).isInstanceOf(IllegalStateException.class);
    assertThat(body.restWritten).isFalse();
    assertThat(connectionsInUse()).isZero();
  }

  @Test
  void iteratingTwiceIsRejected() {
    server.enqueue(ok(result(0)));
    try (EvaluationStream stream = client.stream().evaluate(request(1).build())) {
      assertThat(stream.toList()).hasSize(1);
      assertThatThrownBy(stream::iterator).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(stream::toList).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(stream::stream).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void closingTheJavaStreamClosesTheEvaluationStream() throws Exception {
    EndlessBody body = new EndlessBody(result(0));
    server.enqueue(ok(body));
    try (Stream<EvaluationResult> results = client.stream().evaluate(request(2).build()).stream()) {
      assertThat(results.findFirst()).get().extracting(EvaluationResult::inputIndex).isEqualTo(0);
    }
    assertThat(await(body.clientClosed)).isTrue();
    assertThat(connectionsInUse()).isZero();
  }

  /** Opens a stream, reads one result and drops it without closing it. */
  private WeakReference<EvaluationStream> openAndForget() {
    EvaluationStream stream = client.stream().evaluate(request(2).build());
    assertThat(stream.iterator().next().inputIndex()).isEqualTo(0);
    return new WeakReference<>(stream);
  }

  @Test
  void aForgottenStreamIsReleasedByTheCleaner() throws Exception {
    EndlessBody body = new EndlessBody(result(0));
    server.enqueue(ok(body));
    WeakReference<EvaluationStream> forgotten = openAndForget();
    assertThat(connectionsInUse()).isEqualTo(1);

    boolean released = false;
    for (int i = 0; i < 200 && !released; i++) {
      System.gc();
      released =
          forgotten.get() == null
              && body.clientClosed.await(20, TimeUnit.MILLISECONDS)
              && connectionsInUse() == 0;
    }
    // (Not assertThat(stream): AssertJ would format an Iterable by iterating it.)
    assertThat(forgotten.get() == null).as("the stream was collected").isTrue();
    assertThat(body.clientClosed.getCount()).as("the server saw the connection closed").isZero();
    assertThat(released).as("the pool has no connection in use").isTrue();

    server.enqueue(ok(result(0)));
    try (EvaluationStream next = client.stream().evaluate(request(1).build())) {
      assertThat(next.toList()).hasSize(1);
    }
  }

  // ---- timeouts ----

  @Test
  void anIdleStreamTimesOutAfterTheRequestsIdleTimeout() throws Exception {
    GatedBody body = gated(result(1), result(0));
    server.enqueue(ok(body));
    List<Integer> seen = new ArrayList<>();
    StreamInterruptedException e;
    try (EvaluationStream stream =
        client.stream().evaluate(request(2).idleTimeout(Duration.ofSeconds(1)).build())) {
      e =
          catchThrowableOfType(
              StreamInterruptedException.class,
              () -> {
                for (EvaluationResult r : stream) {
                  seen.add(r.inputIndex());
                }
              });
    }
    assertThat(seen).containsExactly(1);
    assertThat(e).isNotNull();
    assertThat(e.getCause()).isInstanceOf(ClavataTimeoutException.class);
    assertThat(e.getCause().getMessage()).contains("readTimeout");
    assertThat(e.getCause().getCause()).isInstanceOf(SocketTimeoutException.class);
    assertThat(e.resultsReceived()).isEqualTo(1);
    assertThat(e.unansweredInputs()).containsExactly(0);
    assertThat(body.restWritten).isFalse();
    assertThat(connectionsInUse()).isZero();
  }

  @Test
  void headersThenSilenceTimesOutAfterTheClientsReadTimeout() throws Exception {
    GatedBody body = gated("", result(0));
    server.enqueue(ok(body));
    try (ClavataClient impatient = client.withOptions(o -> o.readTimeout(Duration.ofSeconds(1)));
        EvaluationStream stream = impatient.stream().evaluate(request(1).build())) {
      StreamInterruptedException e =
          catchThrowableOfType(StreamInterruptedException.class, stream::toList);
      assertThat(e.getCause()).isInstanceOf(ClavataTimeoutException.class);
      assertThat(e.resultsReceived()).isZero();
      assertThat(e.unansweredInputs()).containsExactly(0);
    }
  }

  @Test
  void aStreamHasNoTotalCallTimeout() {
    String lines = result(2) + result(0) + result(1);
    // About 450 ms in total at 32 bytes every 20 ms, never silent for longer than 20 ms.
    long periods = lines.length() / 32;
    assertThat(periods * 20).isGreaterThan(400);
    server.enqueue(
        new MockResponse.Builder().body(lines).throttleBody(32, 20, TimeUnit.MILLISECONDS).build());
    long started = System.nanoTime();
    try (ClavataClient quick = client.withOptions(o -> o.timeout(Duration.ofMillis(300)));
        EvaluationStream stream = quick.stream().evaluate(request(3).build())) {
      assertThat(stream.toList()).extracting(EvaluationResult::inputIndex).containsExactly(2, 0, 1);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("the stream outlasted the call timeout")
        .isGreaterThan(Duration.ofMillis(300));
  }

  // ---- no leaks ----

  @Test
  void noConnectionLeaksAfterStreamsEndInEveryWay() throws Exception {
    // Completes.
    server.enqueue(ok(result(1) + result(0)));
    try (EvaluationStream stream = client.stream().evaluate(request(2).build())) {
      assertThat(stream.toList()).hasSize(2);
    }
    assertThat(connectionsInUse()).isZero();

    // Completes, iterated to the end without close().
    server.enqueue(ok(result(0)));
    for (EvaluationResult r : client.stream().evaluate(request(1).build())) {
      assertThat(r.inputIndex()).isZero();
    }
    assertThat(connectionsInUse()).isZero();

    // Interrupted by an error line, with more bytes after it.
    server.enqueue(ok(result(0) + errorLine(status(8, "slow")) + result(1)));
    try (EvaluationStream stream = client.stream().evaluate(request(2).build())) {
      assertThatThrownBy(stream::toList)
          .isInstanceOf(StreamInterruptedException.class)
          .hasCauseInstanceOf(RateLimitException.class);
    }
    assertThat(connectionsInUse()).isZero();

    // A line that is not JSON, without close(): the failure itself releases the response.
    server.enqueue(ok(result(0) + "garbage\n" + result(1)));
    EvaluationStream unclosed = client.stream().evaluate(request(2).build());
    assertThatThrownBy(unclosed::toList)
        .isInstanceOf(StreamInterruptedException.class)
        .hasCauseInstanceOf(ClavataDecodeException.class);
    assertThat(connectionsInUse()).isZero();

    // A body cut mid-object.
    server.enqueue(ok(result(0) + "{\"result\":{\"jobUu"));
    try (EvaluationStream stream = client.stream().evaluate(request(2).build())) {
      assertThatThrownBy(stream::toList)
          .isInstanceOf(StreamInterruptedException.class)
          .hasCauseInstanceOf(ClavataDecodeException.class);
    }
    assertThat(connectionsInUse()).isZero();

    // An error before the first result.
    server.enqueue(new MockResponse.Builder().code(400).body(errorLine(status(3, "bad"))).build());
    assertThatThrownBy(() -> client.stream().evaluate(request(1).build()))
        .isInstanceOf(BadRequestException.class);
    assertThat(connectionsInUse()).isZero();

    // Closed early while the server keeps sending.
    EndlessBody endless = new EndlessBody(result(0));
    server.enqueue(ok(endless));
    try (EvaluationStream stream = client.stream().evaluate(request(2).build())) {
      assertThat(stream.iterator().next().inputIndex()).isZero();
    }
    assertThat(await(endless.clientClosed)).isTrue();

    // evaluateOne.
    server.enqueue(ok(result(0)));
    assertThat(client.stream().evaluateOne("p", ContentData.text("x"))).isNotNull();

    ConnectionPool pool = shared.connectionPool();
    assertThat(pool.connectionCount()).isEqualTo(pool.idleConnectionCount());
    assertThat(pool.connectionCount()).as("only the last, idle connection remains").isEqualTo(1);
  }
}
