package ai.clavata.sdk.bench;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.ClavataClientBuilder;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.EvaluationResult;
import ai.clavata.sdk.stream.EvaluateRequest;
import ai.clavata.sdk.stream.EvaluationStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Many slow streams at once on one SDK client: {@code bench.streams.concurrent} streams (default
 * 256), each of {@code bench.streams.lines} results (20) arriving {@code bench.streams.paceMillis}
 * apart (50 ms), from a {@link SlowStreamServer} in a child JVM. Four modes, each on a new client:
 * blocking iteration on platform threads, the same on virtual threads, {@code
 * client.async().stream()} on the default executor, and the same with {@code asyncExecutor(virtual
 * threads)}. For each it reports results, errors, wall time, peak live platform threads above the
 * baseline, the connections the server saw, the peak heap and, for the virtual-thread modes, the
 * {@code jdk.VirtualThreadPinned} events. The virtual modes are skipped before Java 21. {@code
 * bench.streams.modes} picks modes by key (comma-separated, or {@code all}). A plain {@code main};
 * see BENCHMARKS.md.
 */
public final class ConcurrentStreamsBenchmark {
  private static final String POLICY = "6c0e2f7a-1d4b-4e8a-9b3c-5f7d2a1e0c94";
  private static final int STREAMS = Integer.getInteger("bench.streams.concurrent", 256);
  private static final int LINES = Integer.getInteger("bench.streams.lines", 20);
  private static final int PACE = Integer.getInteger("bench.streams.paceMillis", 50);
  private static final int WARMUP = Integer.getInteger("bench.streams.warmup", 16);
  private static final String MODES = System.getProperty("bench.streams.modes", "all");
  private static final String SERVER_HEAP = System.getProperty("bench.streams.serverHeap", "256m");
  private static final ThreadMXBean THREAD_MX = ManagementFactory.getThreadMXBean();

  /** Starts {@code streams} streams on {@code client} and returns once all have ended. */
  private interface Runner {
    void run(ClavataClient client, EvaluateRequest request, int streams, StreamTally tally)
        throws Exception;
  }

  /**
   * One way of running the streams.
   *
   * @param key its name in {@code bench.streams.modes}
   * @param title its row in the table
   * @param virtual whether it needs virtual threads (and records pinning)
   * @param virtualExecutor whether the client gets {@code asyncExecutor(virtual threads)}
   * @param runner runs the streams
   */
  private record Mode(
      String key, String title, boolean virtual, boolean virtualExecutor, Runner runner) {}

  /** One mode's measurements, printed as a table row. */
  private record Row(
      Mode mode,
      StreamTally tally,
      long wallNanos,
      int baselineThreads,
      int peakThreads,
      ServerProcess.Stats server,
      BenchSupport.Peak heap,
      long liveHeap,
      long idleHeap,
      long midRunHeap,
      long gcs,
      PinningRecorder.Pinning pinning) {}

  private ConcurrentStreamsBenchmark() {}

  /**
   * Runs the chosen modes and prints the table.
   *
   * @param args ignored
   * @throws Exception if the benchmark itself fails
   */
  public static void main(String[] args) throws Exception {
    List<Mode> modes =
        List.of(
            new Mode("platform", "blocking for-each, platform threads", false, false, platform()),
            new Mode("virtual", "blocking for-each, virtual threads", true, false, virtual()),
            new Mode("async", "async().stream(), default executor", false, false, async()),
            new Mode(
                "async-virtual",
                "async().stream(), asyncExecutor(virtual threads)",
                true,
                true,
                async()));
    List<String> chosen = Arrays.asList(MODES.split(","));
    EvaluateRequest request = request();
    List<Row> rows = new ArrayList<>();
    try (ServerProcess server = ServerProcess.start(LINES, PACE, SERVER_HEAP)) {
      printHeader(server);
      warmUp(server, request);
      for (Mode mode : modes) {
        if (!MODES.equals("all") && !chosen.contains(mode.key())) {
          continue;
        }
        if (mode.virtual() && !VirtualThreads.available()) {
          System.out.printf("%nSkipped \"%s\": virtual threads need Java 21+.%n", mode.key());
          continue;
        }
        Row row = measure(server, mode, request);
        rows.add(row);
        printDetails(row);
      }
    }
    printTable(rows);
    System.out.printf(
        Locale.ROOT,
        "%nSystem load average (1 min) at the end: %.2f%n",
        BenchSupport.loadAverage());
  }

  /** {@link #LINES} text items: the server answers input {@code i} with its {@code i}-th line. */
  private static EvaluateRequest request() {
    EvaluateRequest.Builder b = EvaluateRequest.builder().policyId(POLICY);
    for (int i = 0; i < LINES; i++) {
      b.addContent(ContentData.text("slow item " + i));
    }
    return b.build();
  }

  private static ClavataClient client(String baseUrl, ExecutorService asyncExecutor) {
    ClavataClientBuilder builder =
        ClavataClient.builder()
            .apiKey("ck_bench_0000000000000000")
            .baseUrl(baseUrl)
            .maxRetries(0)
            .readTimeout(Duration.ofMillis(Math.max(30_000L, 20L * PACE)));
    if (asyncExecutor != null) {
      builder.asyncExecutor(asyncExecutor);
    }
    return builder.build();
  }

  /** A few streams on platform threads, so that the first mode does not pay class loading. */
  private static void warmUp(ServerProcess server, EvaluateRequest request) throws Exception {
    StreamTally tally = new StreamTally(LINES);
    try (ClavataClient client = client(server.baseUrl(), null)) {
      platform().run(client, request, Math.min(WARMUP, STREAMS), tally);
    }
    server.stats();
    System.out.printf(
        Locale.ROOT, "Warm-up: %d results, %d errors%n", tally.results(), tally.errors());
  }

  private static Row measure(ServerProcess server, Mode mode, EvaluateRequest request)
      throws Exception {
    ExecutorService executor = mode.virtualExecutor() ? VirtualThreads.perTaskExecutor() : null;
    PinningRecorder pinning = mode.virtual() ? new PinningRecorder() : null;
    try (ClavataClient client = client(server.baseUrl(), executor)) {
      server.stats(); // resets the server's counts
      settleThreads();
      System.gc();
      long idleHeap = BenchSupport.usedHeap();
      MidRunGc midRun = MidRunGc.after(LINES * PACE / 2);
      BenchSupport.HeapMeter meter = BenchSupport.HeapMeter.start(5);
      LiveHeapMeter live = LiveHeapMeter.start(2);
      long gcBefore = BenchSupport.gcCount();
      int baseline = THREAD_MX.getThreadCount();
      THREAD_MX.resetPeakThreadCount();
      StreamTally tally = new StreamTally(LINES);
      long start = System.nanoTime();
      mode.runner().run(client, request, STREAMS, tally);
      long wall = System.nanoTime() - start;
      int peak = THREAD_MX.getPeakThreadCount();
      BenchSupport.Peak heap = meter.stop();
      long liveHeap = live.stop();
      long midRunHeap = midRun.usedAfterGc();
      long gcs = BenchSupport.gcCount() - gcBefore;
      ServerProcess.Stats stats = server.stats();
      PinningRecorder.Pinning pinned = pinning == null ? null : pinning.finish();
      return new Row(
          mode,
          tally,
          wall,
          baseline,
          peak,
          stats,
          heap,
          liveHeap,
          idleHeap,
          midRunHeap,
          gcs,
          pinned);
    } finally {
      if (pinning != null) {
        pinning.close();
      }
      if (executor != null) {
        executor.shutdown();
      }
    }
  }

  /**
   * Waits (up to 10 s) until the live thread count has not dropped for 500 ms, so that the threads
   * of the previous mode's client, shut down but still exiting, do not inflate the baseline.
   */
  private static void settleThreads() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    int last = THREAD_MX.getThreadCount();
    long stableSince = System.nanoTime();
    while (System.nanoTime() < deadline
        && System.nanoTime() - stableSince < TimeUnit.MILLISECONDS.toNanos(500)) {
      Thread.sleep(50);
      int now = THREAD_MX.getThreadCount();
      if (now < last) {
        stableSince = System.nanoTime();
      }
      last = now;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The modes

  /** The longest a mode may take before the benchmark gives up on it. */
  private static long budgetNanos() {
    return TimeUnit.MILLISECONDS.toNanos(60_000L + 4L * LINES * PACE);
  }

  private static Runner platform() {
    return blocking(task -> new Thread(task, "stream-caller"), true);
  }

  private static Runner virtual() {
    return blocking(VirtualThreads::start, false);
  }

  /** One thread per stream, each iterating its stream to the end. */
  private static Runner blocking(Function<Runnable, Thread> threads, boolean needsStart) {
    return (client, request, streams, tally) -> {
      List<Thread> started = new ArrayList<>(streams);
      for (int i = 0; i < streams; i++) {
        StreamTally.Stream s = tally.stream();
        Thread t = threads.apply(() -> iterate(client, request, s));
        if (needsStart) {
          t.start();
        }
        started.add(t);
      }
      long deadline = System.nanoTime() + budgetNanos();
      for (Thread t : started) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        t.join(Math.max(1, left));
        if (t.isAlive()) {
          throw new TimeoutException("a stream did not end within the budget");
        }
      }
    };
  }

  private static void iterate(ClavataClient client, EvaluateRequest request, StreamTally.Stream s) {
    try (EvaluationStream stream = client.stream().evaluate(request)) {
      for (EvaluationResult r : stream) {
        s.result(r);
      }
      s.end(null);
    } catch (RuntimeException | Error e) {
      s.end(e);
    }
  }

  /** Every stream through {@code client.async().stream().evaluate(request, listener)}. */
  private static Runner async() {
    return (client, request, streams, tally) -> {
      CompletableFuture<?>[] ended = new CompletableFuture<?>[streams];
      for (int i = 0; i < streams; i++) {
        StreamTally.Stream s = tally.stream();
        ended[i] =
            client.async().stream()
                .evaluate(request, s::result)
                .handle(
                    (done, error) -> {
                      s.end(error);
                      return null;
                    });
      }
      CompletableFuture.allOf(ended).get(budgetNanos(), TimeUnit.NANOSECONDS);
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Output

  private static void printHeader(ServerProcess server) {
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        Locale.ROOT,
        "# ConcurrentStreamsBenchmark%n%nJava %s (%s), %d CPUs, client max heap %.0f MB;"
            + " input arguments: %s%n%d streams at once on one client, %d results each, %d ms"
            + " before each line (a stream lasts >= %.2f s); server: child JVM pid %d (-Xmx%s);"
            + " system load average (1 min): %.2f%n",
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        rt.availableProcessors(),
        rt.maxMemory() / 1e6,
        ManagementFactory.getRuntimeMXBean().getInputArguments(),
        STREAMS,
        LINES,
        PACE,
        LINES * PACE / 1e3,
        server.pid(),
        SERVER_HEAP,
        BenchSupport.loadAverage());
  }

  private static void printDetails(Row row) {
    StreamTally t = row.tally();
    System.out.printf(
        Locale.ROOT,
        "%n%s: %d results of %d, %d streams complete, %d errors, %d out of order; server: %s%n",
        row.mode().key(),
        t.results(),
        (long) STREAMS * LINES,
        t.complete(),
        t.errors(),
        t.outOfOrder(),
        row.server());
    if (t.firstError() != null) {
      System.out.println("  first error: " + t.firstError());
    }
    System.out.println("  heap pools: " + row.heap().perPool());
    PinningRecorder.Pinning p = row.pinning();
    if (p != null) {
      System.out.printf(
          "  %s events: %d; by first non-JDK frame: %s%n",
          PinningRecorder.EVENT, p.events(), p.byCaller());
      p.first().forEach(top -> System.out.println("    " + top));
    }
  }

  private static void printTable(List<Row> rows) {
    System.out.printf(
        Locale.ROOT,
        "%n## %d streams at once, %d results each, %d ms apart; one client, client -Xmx%.0fm%n%n",
        STREAMS,
        LINES,
        PACE,
        Runtime.getRuntime().maxMemory() / 1048576.0);
    System.out.println(
        "| mode | results / expected | errors | wall s | peak live threads above baseline"
            + " (baseline) | streams open at once (client / server) | connections (requests)"
            + " | peak heap MB: used (sampled) / pool sum / after a GC | live heap MB mid-run,"
            + " after System.gc() (idle client before) | GCs | pinned events |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (Row r : rows) {
      StreamTally t = r.tally();
      System.out.printf(
          Locale.ROOT,
          "| %s | %,d / %,d | %d | %.2f | %d (%d) | %d / %d | %d (%d) | %.1f / %.1f / %s | %.1f"
              + " (%.1f) | %d | %s |%n",
          r.mode().title(),
          t.results(),
          (long) STREAMS * LINES,
          t.errors(),
          r.wallNanos() / 1e9,
          r.peakThreads() - r.baselineThreads(),
          r.baselineThreads(),
          t.maxOpen(),
          r.server().peakOpen(),
          r.server().connections(),
          r.server().requests(),
          r.heap().sampled() / 1e6,
          r.heap().poolSum() / 1e6,
          r.liveHeap() < 0 ? "no GC" : String.format(Locale.ROOT, "%.1f", r.liveHeap() / 1e6),
          r.midRunHeap() / 1e6,
          r.idleHeap() / 1e6,
          r.gcs(),
          r.pinning() == null ? "n/a" : Long.toString(r.pinning().events()));
    }
  }

  /**
   * One full collection half-way through a mode, when every stream is open: what the heap holds
   * then is what the open streams keep alive, without the garbage the other columns include.
   */
  private static final class MidRunGc {
    private final Thread thread;
    private volatile long used;

    private MidRunGc(long delayMillis) {
      thread =
          new Thread(
              () -> {
                try {
                  Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                  return;
                }
                System.gc();
                used = BenchSupport.usedHeap();
              },
              "mid-run-gc");
      thread.setDaemon(true);
      thread.start();
    }

    static MidRunGc after(long delayMillis) {
      return new MidRunGc(delayMillis);
    }

    long usedAfterGc() throws InterruptedException {
      thread.join();
      return used;
    }
  }
}
