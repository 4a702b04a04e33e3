package ai.clavata.sdk.bench;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.EvaluationResult;
import ai.clavata.sdk.stream.EvaluateAllOptions;
import ai.clavata.sdk.stream.EvaluateRequest;
import ai.clavata.sdk.stream.EvaluationStream;
import java.util.BitSet;
import java.util.Iterator;
import java.util.Locale;

/**
 * {@code evaluateAll} against a rate-limited loopback gateway ({@link LimitedStreamServer}: a fixed
 * latency per request, a concurrency limit answered with 429): items/s next to the server's own
 * limit, peak heap, requests and refusals; then, on the same server, a loop of one {@code evaluate}
 * per batch and a loop of {@code evaluateOne}. A plain {@code main}; see BENCHMARKS.md.
 *
 * <p>System properties: {@code bench.items} (1000000), {@code bench.batch} (100), {@code
 * bench.concurrency} (the client's, 12), {@code bench.serverConcurrency} (8), {@code
 * bench.latencyMs} (20), {@code bench.loopItems} (20000), {@code bench.oneItems} (200).
 */
public final class EvaluateAllBenchmark {
  private static final int ITEMS = Integer.getInteger("bench.items", 1_000_000);
  private static final int BATCH = Integer.getInteger("bench.batch", 100);
  private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 12);
  private static final int SERVER_CONCURRENCY = Integer.getInteger("bench.serverConcurrency", 8);
  private static final int LATENCY_MS = Integer.getInteger("bench.latencyMs", 20);
  private static final int LOOP_ITEMS = Integer.getInteger("bench.loopItems", 20_000);
  private static final int ONE_ITEMS = Integer.getInteger("bench.oneItems", 200);

  private EvaluateAllBenchmark() {}

  /**
   * Runs the three measurements and prints the table.
   *
   * @param args ignored
   * @throws Exception if the benchmark itself fails
   */
  public static void main(String[] args) throws Exception {
    double limit = SERVER_CONCURRENCY * (double) BATCH * 1000 / LATENCY_MS;
    System.out.printf(
        Locale.ROOT,
        "# EvaluateAllBenchmark%n%nJava %s, %d CPUs, max heap %.0f MB; server: %d requests at once,"
            + " %d ms each, 429 beyond; its limit at batch %d: %,.0f items/s%n%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / 1e6,
        SERVER_CONCURRENCY,
        LATENCY_MS,
        BATCH,
        limit);
    System.out.println(
        "| run | items | seconds | items/s | of the server's limit | requests | 429s | peak heap MB"
            + " (sampled) |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
    try (LimitedStreamServer server = new LimitedStreamServer(SERVER_CONCURRENCY, LATENCY_MS);
        ClavataClient client =
            ClavataClient.builder()
                .apiKey("ck_bench_0000000000000000")
                .baseUrl(server.baseUrl())
                .build()) {
      evaluateAll(client, server, 20_000); // warm-up
      row("evaluateAll, warm-up", 20_000, server, () -> {});
      reset(server);
      row(
          "evaluateAll, batch " + BATCH + ", maxConcurrency " + CONCURRENCY,
          ITEMS,
          server,
          () -> evaluateAll(client, server, ITEMS));
      reset(server);
      row(
          "loop of evaluate, " + BATCH + " items each",
          LOOP_ITEMS,
          server,
          () -> evaluateLoop(client, LOOP_ITEMS));
      reset(server);
      row("loop of evaluateOne", ONE_ITEMS, server, () -> oneLoop(client, ONE_ITEMS));
    }
  }

  private interface Work {
    void run() throws Exception;
  }

  private static void reset(LimitedStreamServer server) {
    server.requests.set(0);
    server.refused.set(0);
  }

  private static void row(String name, int items, LimitedStreamServer server, Work work)
      throws Exception {
    System.gc();
    BenchSupport.HeapMeter meter = BenchSupport.HeapMeter.start(5);
    long start = System.nanoTime();
    work.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    BenchSupport.Peak peak = meter.stop();
    double limit = SERVER_CONCURRENCY * (double) BATCH * 1000 / LATENCY_MS;
    if (name.endsWith("warm-up")) {
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "| %s | %,d | %.2f | %,.0f | %.1f %% | %,d | %,d | %.1f |%n",
        name,
        items,
        seconds,
        items / seconds,
        100 * items / seconds / limit,
        server.requests.get(),
        server.refused.get(),
        peak.sampled() / 1e6);
  }

  private static Iterable<ContentData> items(int n) {
    return () ->
        new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < n;
          }

          @Override
          public ContentData next() {
            return ContentData.text("comment number " + next++);
          }
        };
  }

  /** Runs evaluateAll over {@code n} items and checks each was answered once. */
  private static long evaluateAll(ClavataClient client, LimitedStreamServer server, int n) {
    EvaluateAllOptions options =
        EvaluateAllOptions.builder().batchSize(BATCH).maxConcurrency(CONCURRENCY).build();
    BitSet seen = new BitSet(n);
    try (EvaluationStream results = client.stream().evaluateAll("p", items(n), options)) {
      for (EvaluationResult r : results) {
        if (seen.get(r.inputIndex())) {
          throw new IllegalStateException("item " + r.inputIndex() + " answered twice");
        }
        seen.set(r.inputIndex());
      }
    }
    if (seen.cardinality() != n) {
      throw new IllegalStateException(seen.cardinality() + " of " + n + " answered");
    }
    return n;
  }

  private static void evaluateLoop(ClavataClient client, int n) {
    Iterator<ContentData> source = items(n).iterator();
    while (source.hasNext()) {
      EvaluateRequest.Builder request = EvaluateRequest.builder().policyId("p");
      for (int i = 0; i < BATCH && source.hasNext(); i++) {
        request.addContent(source.next());
      }
      try (EvaluationStream results = client.stream().evaluate(request.build())) {
        results.forEach(r -> {});
      }
    }
  }

  private static void oneLoop(ClavataClient client, int n) {
    for (ContentData item : items(n)) {
      client.stream().evaluateOne("p", item);
    }
  }
}
