package ai.clavata.sdk.bench;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.ClavataClientBuilder;
import ai.clavata.sdk.internal.Json;
import ai.clavata.sdk.jobs.CreateJobRequest;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.Job;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The unary benchmark: {@code client.jobs().create(...)} against raw OkHttp + Jackson doing the
 * same work (serialize the same body, post it with the key, parse the answer into the public {@link
 * Job}), on one thread (latency and caller-thread CPU per call) and on many threads sharing one
 * client (throughput and the connections the server saw). The server is {@link UnaryBenchServer},
 * answering with the completed job of {@code fixtures/job-completed.json}. A plain {@code main};
 * see BENCHMARKS.md.
 *
 * <p>System properties: {@code bench.calls} (calls per sequential round, default 20000), {@code
 * bench.threads} (threads of the concurrent rounds, 16), {@code bench.millis} (length of a
 * concurrent round, 2000), {@code bench.warmup} (warm-up rounds, 2), {@code bench.rounds} (measured
 * rounds, 5), {@code bench.serverThreads} (32), {@code bench.callTimeout} (false gives the SDK
 * client {@code timeout(Duration.ZERO)}, taking OkHttp's call-timeout watchdog out; true), {@code
 * bench.rawPool} ({@code okhttp} leaves the raw client OkHttp's default pool of 5 idle connections;
 * by default it gets a pool like the SDK's).
 */
public final class UnaryBenchmark {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final String KEY = "ck_bench_0000000000000000";
  private static final String POLICY = "11111111-2222-4333-8444-555555555555";
  private static final String TEXT = "You had better watch your back tonight.";

  private static final int CALLS = Integer.getInteger("bench.calls", 20_000);
  private static final int THREADS = Integer.getInteger("bench.threads", 16);
  private static final int MILLIS = Integer.getInteger("bench.millis", 2_000);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 2);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
  private static final int SERVER_THREADS = Integer.getInteger("bench.serverThreads", 32);
  private static final boolean CALL_TIMEOUT =
      Boolean.parseBoolean(System.getProperty("bench.callTimeout", "true"));
  private static final boolean RAW_DEFAULT_POOL =
      System.getProperty("bench.rawPool", "sdk").equals("okhttp");

  private static final ThreadMXBean THREAD_MX = ManagementFactory.getThreadMXBean();

  /** The answer of CreateJob, read into the public model as the SDK reads it. */
  record Envelope(Job job) {}

  /** One content item of the raw body. */
  record RawContent(String text) {}

  /** The raw body: the fields the SDK writes for a one-text-item CreateJobRequest, in its order. */
  record RawCreate(List<RawContent> contentData, String policyId) {}

  private static final ObjectReader RAW_READER = Json.MAPPER.readerFor(Envelope.class);

  private static final CreateJobRequest REQUEST =
      CreateJobRequest.builder().policyId(POLICY).addContent(ContentData.text(TEXT)).build();

  /** Keeps the JIT from dropping the work of reading a job. */
  private static volatile long sink;

  /** One create call, by one of the two clients. */
  private interface Caller {
    Job call() throws IOException;
  }

  private UnaryBenchmark() {}

  /**
   * Runs the warm-up and the measured rounds and prints the tables.
   *
   * @param args ignored
   * @throws Exception if the benchmark itself fails
   */
  public static void main(String[] args) throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true"); // as Go's net/http does
    byte[] response = cannedJob();
    OkHttpClient rawHttp = rawHttp();
    try (UnaryBenchServer server = new UnaryBenchServer(response, SERVER_THREADS);
        ClavataClient client = sdkClient(server.baseUrl())) {
      HttpUrl url = HttpUrl.get(server.baseUrl() + "v1/jobs");
      Caller sdk = () -> client.jobs().create(REQUEST);
      Caller raw = () -> rawCreate(rawHttp, url);
      printHeader(server);
      checkEquivalent(server, sdk, raw);
      PairedRounds sequential = sequentialRounds();
      PairedRounds concurrent = concurrentRounds();
      for (int round = 0; round < WARMUP + ROUNDS; round++) {
        boolean sdkFirst = round % 2 == 0;
        String order = sdkFirst ? "SDK, raw" : "raw, SDK";
        double[][] seq =
            pair(sdkFirst, () -> sequential(server, sdk), () -> sequential(server, raw));
        double[][] conc =
            pair(sdkFirst, () -> concurrent(server, sdk), () -> concurrent(server, raw));
        if (round >= WARMUP) {
          sequential.add(order, seq[0], seq[1]);
          concurrent.add(order, conc[0], conc[1]);
        }
        System.out.print(round < WARMUP ? "w" : ".");
        System.out.flush();
      }
      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "%n## Unary 1. Sequential: %,d calls per round on one thread; %d warm-up + %d measured"
              + " rounds, order swapped each round%n%n",
          CALLS,
          WARMUP,
          ROUNDS);
      sequential.print();
      System.out.printf(
          Locale.ROOT,
          "%n## Unary 2. Concurrent: %d threads sharing one client, %,d ms per round%n%n",
          THREADS,
          MILLIS);
      concurrent.print();
    } finally {
      BenchSupport.shutdown(rawHttp);
    }
    System.out.printf(
        Locale.ROOT,
        "%nSystem load average (1 min) at the end: %.2f%n",
        BenchSupport.loadAverage());
  }

  private static PairedRounds sequentialRounds() {
    return new PairedRounds(
        new PairedRounds.Metric("p50 µs", 1),
        new PairedRounds.Metric("p99 µs", 1),
        new PairedRounds.Metric("CPU µs/call", 2),
        new PairedRounds.Metric("calls/s", 0),
        new PairedRounds.Metric("GC ms", 0),
        new PairedRounds.Metric("conns", 0));
  }

  private static PairedRounds concurrentRounds() {
    return new PairedRounds(
        new PairedRounds.Metric("calls/s", 0),
        new PairedRounds.Metric("CPU µs/call", 2),
        new PairedRounds.Metric("conns", 0));
  }

  /** Runs the two sides in the given order; returns {SDK values, raw values}. */
  private static double[][] pair(boolean sdkFirst, Measure sdk, Measure raw) throws Exception {
    if (sdkFirst) {
      double[] s = sdk.run();
      return new double[][] {s, raw.run()};
    }
    double[] r = raw.run();
    return new double[][] {sdk.run(), r};
  }

  /** One side's measurement of one round. */
  private interface Measure {
    double[] run() throws Exception;
  }

  // ---------------------------------------------------------------------------------------------
  // The two clients

  private static ClavataClient sdkClient(String baseUrl) {
    ClavataClientBuilder builder =
        ClavataClient.builder()
            .apiKey(KEY)
            .baseUrl(baseUrl)
            .maxRetries(0)
            .readTimeout(Duration.ofSeconds(30));
    if (!CALL_TIMEOUT) {
      builder.timeout(Duration.ZERO);
    }
    return builder.build();
  }

  /**
   * The raw side's OkHttp client: {@link BenchSupport#rawClient()} with a pool like the SDK's (64
   * idle connections, 5 minutes), or OkHttp's own default (5 idle) with {@code
   * -Dbench.rawPool=okhttp}.
   */
  private static OkHttpClient rawHttp() {
    OkHttpClient raw = BenchSupport.rawClient();
    if (RAW_DEFAULT_POOL) {
      return raw;
    }
    return raw.newBuilder().connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES)).build();
  }

  /** The raw side of one call: serialize, post with the key, parse into the public model. */
  private static Job rawCreate(OkHttpClient http, HttpUrl url) throws IOException {
    byte[] body =
        Json.MAPPER.writeValueAsBytes(new RawCreate(List.of(new RawContent(TEXT)), POLICY));
    Request request =
        new Request.Builder()
            .url(url)
            .header("Authorization", "Bearer " + KEY)
            .post(RequestBody.create(body, JSON))
            .build();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code());
      }
      Envelope envelope = RAW_READER.readValue(response.body().byteStream());
      return envelope.job();
    }
  }

  /** What both sides do with each job. */
  private static long consume(Job job) {
    return job.status().ordinal() + job.results().size() + job.jobUuid().length();
  }

  /** The completed job of the unit tests' fixture, re-encoded compactly as a server sends it. */
  private static byte[] cannedJob() throws IOException {
    try (InputStream in =
        UnaryBenchmark.class.getResourceAsStream("/fixtures/job-completed.json")) {
      if (in == null) {
        throw new IllegalStateException("fixtures/job-completed.json is not on the class path");
      }
      return Json.MAPPER.writeValueAsBytes(Json.MAPPER.readTree(in));
    }
  }

  /** Checks once that both sides send the same request and read the same job. */
  private static void checkEquivalent(UnaryBenchServer server, Caller sdk, Caller raw)
      throws IOException {
    server.capture(true);
    Job fromSdk = sdk.call();
    Job fromRaw = raw.call();
    List<UnaryBenchServer.Captured> seen = server.captured();
    server.capture(false);
    server.reset();
    UnaryBenchServer.Captured s = seen.get(0);
    UnaryBenchServer.Captured r = seen.get(1);
    boolean sameBody = Arrays.equals(s.body(), r.body());
    System.out.printf(
        Locale.ROOT,
        "Request body (%d bytes): %s%nSame request body: %s; same Authorization: %s;"
            + " Content-Type SDK \"%s\", raw \"%s\"; same parsed Job: %s%n",
        s.body().length,
        new String(s.body(), StandardCharsets.UTF_8),
        sameBody,
        s.authorization().equals(r.authorization()),
        s.contentType(),
        r.contentType(),
        fromSdk.equals(fromRaw));
    if (!sameBody || !fromSdk.equals(fromRaw)) {
      System.out.println("raw request body: " + new String(r.body(), StandardCharsets.UTF_8));
      throw new IllegalStateException("the two sides do not do the same work");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Measurements

  /** {p50 µs, p99 µs, caller CPU µs/call, calls/s, GC ms, connections} of {@link #CALLS} calls. */
  private static double[] sequential(UnaryBenchServer server, Caller caller) throws IOException {
    System.gc();
    server.reset();
    long[] latency = new long[CALLS];
    long acc = 0;
    long gcStart = BenchSupport.gcTime();
    long cpuStart = THREAD_MX.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (int i = 0; i < CALLS; i++) {
      long t = System.nanoTime();
      acc += consume(caller.call());
      latency[i] = System.nanoTime() - t;
    }
    long elapsed = System.nanoTime() - start;
    long cpu = THREAD_MX.getCurrentThreadCpuTime() - cpuStart;
    sink += acc;
    UnaryBenchServer.Counts counts = server.reset();
    if (counts.requests() != CALLS) {
      throw new IllegalStateException(counts + ", not " + CALLS + " requests");
    }
    return new double[] {
      BenchStats.quantile(latency, 0.50) / 1e3,
      BenchStats.quantile(latency, 0.99) / 1e3,
      cpu / 1e3 / CALLS,
      CALLS / (elapsed / 1e9),
      BenchSupport.gcTime() - gcStart,
      counts.connections()
    };
  }

  /** {calls/s, the workers' CPU µs/call, connections} of {@link #THREADS} threads for a round. */
  private static double[] concurrent(UnaryBenchServer server, Caller caller)
      throws InterruptedException {
    System.gc();
    server.reset();
    LongAdder calls = new LongAdder();
    LongAdder errors = new LongAdder();
    LongAdder cpu = new LongAdder();
    LongAccumulator lastEnd = new LongAccumulator(Math::max, Long.MIN_VALUE);
    AtomicReference<Throwable> firstError = new AtomicReference<>();
    CountDownLatch go = new CountDownLatch(1);
    long[] window = new long[2];
    Thread[] workers = new Thread[THREADS];
    for (int t = 0; t < THREADS; t++) {
      workers[t] =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  return;
                }
                long cpuStart = THREAD_MX.getCurrentThreadCpuTime();
                long n = 0;
                long acc = 0;
                while (System.nanoTime() < window[1]) {
                  try {
                    acc += consume(caller.call());
                    n++;
                  } catch (IOException | RuntimeException e) {
                    errors.increment();
                    firstError.compareAndSet(null, e);
                  }
                }
                lastEnd.accumulate(System.nanoTime());
                cpu.add(THREAD_MX.getCurrentThreadCpuTime() - cpuStart);
                calls.add(n);
                sink += acc;
              },
              "unary-bench-" + t);
      workers[t].start();
    }
    window[0] = System.nanoTime();
    window[1] = window[0] + MILLIS * 1_000_000L;
    go.countDown(); // publishes window[] to the workers
    for (Thread w : workers) {
      w.join();
    }
    UnaryBenchServer.Counts counts = server.reset();
    if (errors.sum() > 0) {
      System.out.println(
          "\n" + errors.sum() + " failed calls; the first: " + firstError.get() + "; " + counts);
    }
    double seconds = (lastEnd.get() - window[0]) / 1e9;
    return new double[] {
      calls.sum() / seconds, cpu.sum() / 1e3 / Math.max(1, calls.sum()), counts.connections()
    };
  }

  private static void printHeader(UnaryBenchServer server) {
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        Locale.ROOT,
        "# UnaryBenchmark%n%nJava %s (%s), %d CPUs, max heap %.0f MB; input arguments: %s%n"
            + "Response body: %d bytes (fixtures/job-completed.json); server: JDK HttpServer, %d"
            + " threads; SDK call timeout: %s; raw connection pool: %s;"
            + " system load average (1 min): %.2f%n",
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        rt.availableProcessors(),
        rt.maxMemory() / 1e6,
        ManagementFactory.getRuntimeMXBean().getInputArguments(),
        server.responseBytes(),
        SERVER_THREADS,
        CALL_TIMEOUT ? "default (60 s)" : "none",
        RAW_DEFAULT_POOL ? "OkHttp default (5 idle)" : "as the SDK's (64 idle, 5 min)",
        BenchSupport.loadAverage());
  }
}
