package ai.clavata.sdk.bench;

import static ai.clavata.sdk.bench.BenchSupport.gcCount;
import static ai.clavata.sdk.bench.BenchSupport.gcTime;
import static ai.clavata.sdk.bench.BenchSupport.rawClient;
import static ai.clavata.sdk.bench.BenchSupport.sdkClient;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.internal.Json;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.EvaluationResult;
import ai.clavata.sdk.model.PolicyEvaluationReport;
import ai.clavata.sdk.stream.EvaluateRequest;
import ai.clavata.sdk.stream.EvaluationStream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The streaming benchmark: parse throughput of {@code client.stream().evaluate(...)} against raw
 * OkHttp + a Jackson {@link MappingIterator} over the same bytes, the latency from the server
 * flushing the first line to the caller holding it, and a million results under a small heap. A
 * plain {@code main}; see BENCHMARKS.md for the command and the numbers.
 *
 * <p>Sizes can be changed with system properties: {@code bench.lines} (results per throughput
 * stream, default 10000), {@code bench.streams} (streams per measured round, 5), {@code
 * bench.warmup} (3), {@code bench.rounds} (15), {@code bench.trials} (latency trials, 200), {@code
 * bench.million} (results in the heap run, 1000000).
 */
public final class StreamBenchmark {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final String POLICY = "6c0e2f7a-1d4b-4e8a-9b3c-5f7d2a1e0c94";

  /** The raw side parses into the same public model, through a wrapper like the SDK's own. */
  record RawLine(RawResult result, JsonNode error) {}

  /** One streamed message, typed as the SDK types it. */
  record RawResult(
      String jobUuid, String contentHash, PolicyEvaluationReport policyEvaluationReport) {}

  /** Uses the SDK's mapper configuration so that both sides do the same Jackson work. */
  private static final ObjectReader RAW_READER = Json.MAPPER.readerFor(RawLine.class);

  private static final int LINES = Integer.getInteger("bench.lines", 10_000);
  private static final int STREAMS = Integer.getInteger("bench.streams", 5);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 3);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 15);
  private static final int TRIALS = Integer.getInteger("bench.trials", 200);
  private static final int MILLION = Integer.getInteger("bench.million", 1_000_000);

  /** Keeps the JIT from dropping the work of consuming a result. */
  private static long sink;

  private StreamBenchmark() {}

  /**
   * Runs the three measurements and prints the tables.
   *
   * @param args ignored
   * @throws Exception if the benchmark itself fails
   */
  public static void main(String[] args) throws Exception {
    // Go's net/http (behind grpc-gateway) sets TCP_NODELAY; the JDK server does not by default.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    String line = lineTemplate();
    try (BenchServer server = new BenchServer(line)) {
      printHeader(server);
      throughput(server);
      latency(server);
      million(server);
    }
    System.out.printf(
        Locale.ROOT,
        "%nSystem load average (1 min) at the end: %.2f%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.println("(sink " + (sink == 42 ? "!" : ".") + ")");
  }

  // ---------------------------------------------------------------------------------------------
  // The line

  /**
   * One ~1 KB result line: a report with two sections (three assertions), labelMatches, tokenUsage
   * (64-bit integers as strings, as protojson writes them) and contentMetadata with the correlation
   * key. {@link BenchServer#PLACEHOLDER} marks the digits patched per line.
   */
  static String lineTemplate() throws IOException {
    String p = BenchServer.PLACEHOLDER;
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("policyId", POLICY);
    report.put("policyKey", "Community Safety");
    report.put("policyVersionId", "0b7d9e42-8c1f-4a6e-b3d5-29f0c7a1e864");
    report.put("result", "OUTCOME_TRUE");
    report.put(
        "sectionEvaluationReports",
        List.of(
            section(
                "Threats",
                "OUTCOME_TRUE",
                "Flag, Escalate",
                0.93,
                "Threat of violence",
                "Names a target"),
            section("Harassment", "OUTCOME_FALSE", "Flag", 0.12, "Insults a person")));
    report.put("contentHash", "fnv1a128::c0ffee00d15ea5e0000000000" + p);
    report.put(
        "contentMetadata", ordered(EvaluateRequest.INPUT_INDEX_KEY, p, "postId", "post-" + p));
    report.put("reviewResult", ordered("outcome", "OUTCOME_TRUE", "score", 0.93));
    report.put("threshold", 0.5);
    report.put("labelMatches", ordered("Threats", 0.93));
    report.put(
        "tokenUsage", ordered("inputTokens", "412", "billedTokens", "412", "multiplier", 1.0));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("jobUuid", "5f0c8a3e-2b1d-4c6e-9a7f-1e2d3c4b5a60");
    result.put("contentHash", "fnv1a128::c0ffee00d15ea5e0000000000" + p);
    result.put("policyEvaluationReport", report);
    return Json.MAPPER.writeValueAsString(ordered("result", result));
  }

  private static Map<String, Object> section(
      String name, String outcome, String message, double score, String... assertions) {
    List<Object> reports = new ArrayList<>();
    for (int i = 0; i < assertions.length; i++) {
      reports.add(
          ordered(
              "result",
              i == 0 ? outcome : "OUTCOME_FALSE",
              "message",
              assertions[i],
              "score",
              i == 0 ? score : 0.02));
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("name", name);
    s.put("result", outcome);
    s.put("message", message);
    s.put("assertionEvaluationReports", reports);
    s.put("reviewResult", ordered("outcome", outcome, "score", score));
    return s;
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** What both sides do with each result, so neither gets its parsing optimized away. */
  private static long consume(PolicyEvaluationReport report) {
    return report.outcome().ordinal()
        + report.sections().size()
        + report.contentMetadata().size()
        + report.tokenUsage().billedTokens();
  }

  // ---------------------------------------------------------------------------------------------
  // Clients

  /** The request of a correlated stream: one text item per result line. */
  private static EvaluateRequest correlated(int items) {
    EvaluateRequest.Builder b = EvaluateRequest.builder().policyId(POLICY);
    for (int i = 0; i < items; i++) {
      b.addContent(ContentData.text("bench item " + i));
    }
    return b.build();
  }

  /** One item, no correlation: the server answers with any number of lines. */
  private static EvaluateRequest uncorrelated() {
    return EvaluateRequest.builder()
        .policyId(POLICY)
        .addContent(ContentData.text("bench item"))
        .correlateInputs(false)
        .build();
  }

  /** The JSON tree the raw side posts: the same items, tagged as the SDK tags them. */
  private static ObjectNode rawBody(int items, boolean tagged) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("policyId", POLICY);
    ArrayNode content = body.putArray("contentData");
    for (int i = 0; i < items; i++) {
      ObjectNode item = content.addObject().put("text", "bench item" + (tagged ? " " + i : ""));
      if (tagged) {
        item.putObject("metadata").put(EvaluateRequest.INPUT_INDEX_KEY, Integer.toString(i));
      }
    }
    return body;
  }

  private static Request rawRequest(String url, ObjectNode body) throws IOException {
    return new Request.Builder()
        .url(url + "v1/jobs/stream")
        .post(RequestBody.create(Json.MAPPER.writeValueAsBytes(body), JSON))
        .build();
  }

  // ---------------------------------------------------------------------------------------------
  // 1. Throughput

  private interface Variant {
    /** Reads one whole stream; returns the number of results. */
    long run() throws IOException;
  }

  /** Reads {@link #STREAMS} whole streams one after the other; returns the number of results. */
  private static long runAll(Variant variant) throws IOException {
    long results = 0;
    for (int i = 0; i < STREAMS; i++) {
      results += variant.run();
    }
    return results;
  }

  private static void throughput(BenchServer server) throws IOException {
    String url = server.baseUrl("bulk", LINES);
    EvaluateRequest corr = correlated(LINES);
    EvaluateRequest uncorr = uncorrelated();
    ObjectNode rawCorrBody = rawBody(LINES, true);
    ObjectNode rawOneBody = rawBody(1, false);
    OkHttpClient raw = rawClient();
    try (ClavataClient sdk = sdkClient(url)) {
      Map<String, Variant> variants = new LinkedHashMap<>();
      variants.put(
          "drain: raw OkHttp, bytes only, no parsing (server + socket ceiling)",
          () -> drain(raw, rawRequest(url, rawOneBody)));
      variants.put(
          "raw OkHttp + MappingIterator, N-item request",
          () -> rawParse(raw, rawRequest(url, rawCorrBody)));
      variants.put(
          "SDK stream, N-item request, correlateInputs(true) (default)", () -> sdkParse(sdk, corr));
      variants.put(
          "raw OkHttp + MappingIterator, 1-item request",
          () -> rawParse(raw, rawRequest(url, rawOneBody)));
      variants.put(
          "SDK stream, 1-item request, correlateInputs(false)", () -> sdkParse(sdk, uncorr));
      List<String> names = new ArrayList<>(variants.keySet());
      Map<String, List<Long>> times = new LinkedHashMap<>();
      Map<String, List<Long>> cpuTimes = new LinkedHashMap<>();
      names.forEach(n -> times.put(n, new ArrayList<>()));
      names.forEach(n -> cpuTimes.put(n, new ArrayList<>()));
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      for (int round = 0; round < WARMUP + ROUNDS; round++) {
        // Rotate the order so that no variant always runs right after the same other one.
        for (int k = 0; k < names.size(); k++) {
          String name = names.get((k + round) % names.size());
          System.gc();
          long cpuStart = threads.getCurrentThreadCpuTime();
          long start = System.nanoTime();
          long results = runAll(variants.get(name));
          long elapsed = System.nanoTime() - start;
          long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
          if (results != (long) LINES * STREAMS) {
            throw new IllegalStateException(name + ": " + results + " results, not " + LINES);
          }
          if (round >= WARMUP) {
            times.get(name).add(elapsed);
            cpuTimes.get(name).add(cpu);
          }
        }
        System.out.print(round < WARMUP ? "w" : ".");
        System.out.flush();
      }
      System.out.println();
      long total = (long) LINES * STREAMS;
      double bytes = (double) total * server.lineBytes();
      System.out.printf(
          Locale.ROOT,
          "%n## 1. Throughput: a round is %d streams of %,d results of %d bytes (%.1f MB in all);"
              + " %d warm-up + %d measured rounds, median round%n%n",
          STREAMS,
          LINES,
          server.lineBytes(),
          bytes / 1e6,
          WARMUP,
          ROUNDS);
      System.out.println(
          "| variant | median ms | min ms | max ms | results/s | MB/s | caller-thread CPU µs/result |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|");
      Map<String, Double> rate = new LinkedHashMap<>();
      Map<String, Double> cpuPerResult = new LinkedHashMap<>();
      for (String name : names) {
        long[] t = times.get(name).stream().mapToLong(Long::longValue).sorted().toArray();
        long[] c = cpuTimes.get(name).stream().mapToLong(Long::longValue).sorted().toArray();
        double median = t[t.length / 2] / 1e9;
        rate.put(name, total / median);
        cpuPerResult.put(name, c[c.length / 2] / 1e3 / total);
        System.out.printf(
            Locale.ROOT,
            "| %s | %.1f | %.1f | %.1f | %,.0f | %.1f | %.2f |%n",
            name,
            median * 1e3,
            t[0] / 1e6,
            t[t.length - 1] / 1e6,
            total / median,
            bytes / median / 1e6,
            cpuPerResult.get(name));
      }
      System.out.println();
      ratio(
          "N-item request, correlateInputs(true)", names.get(2), names.get(1), rate, cpuPerResult);
      ratio(
          "1-item request, correlateInputs(false)", names.get(4), names.get(3), rate, cpuPerResult);
    } finally {
      raw.dispatcher().executorService().shutdown();
      raw.connectionPool().evictAll();
    }
  }

  private static void ratio(
      String what,
      String sdk,
      String raw,
      Map<String, Double> rate,
      Map<String, Double> cpuPerResult) {
    double wall = rate.get(sdk) / rate.get(raw);
    double cpu = cpuPerResult.get(raw) / cpuPerResult.get(sdk);
    System.out.printf(
        Locale.ROOT,
        "SDK / raw, %s: %.3f by median wall time (goal >= 0.9: %s); %.3f by caller-thread CPU%n",
        what,
        wall,
        wall >= 0.9 ? "met" : "NOT met",
        cpu);
  }

  private static long drain(OkHttpClient raw, Request request) throws IOException {
    try (Response response = raw.newCall(request).execute()) {
      InputStream in = response.body().byteStream();
      byte[] buffer = new byte[8192];
      long bytes = 0;
      long newlines = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        bytes += n;
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            newlines++;
          }
        }
      }
      sink += bytes;
      return newlines;
    }
  }

  private static long rawParse(OkHttpClient raw, Request request) throws IOException {
    try (Response response = raw.newCall(request).execute();
        MappingIterator<RawLine> lines = RAW_READER.readValues(response.body().byteStream())) {
      long count = 0;
      while (lines.hasNextValue()) {
        RawLine line = lines.nextValue();
        sink += consume(line.result().policyEvaluationReport());
        count++;
      }
      return count;
    }
  }

  private static long sdkParse(ClavataClient sdk, EvaluateRequest request) {
    try (EvaluationStream stream = sdk.stream().evaluate(request)) {
      long count = 0;
      for (EvaluationResult r : stream) {
        sink += consume(r.report()) + r.inputIndex();
        count++;
      }
      return count;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // 2. First-line latency

  private static void latency(BenchServer server) throws Exception {
    String url = server.baseUrl("hold", 2);
    EvaluateRequest request = correlated(2);
    ObjectNode body = rawBody(2, true);
    OkHttpClient raw = rawClient();
    int warmup = Math.max(20, TRIALS / 10);
    long[] sdkLat = new long[TRIALS];
    long[] rawLat = new long[TRIALS];
    try (ClavataClient sdk = sdkClient(url)) {
      for (int t = -warmup; t < TRIALS; t++) {
        long s = sdkFirst(server, sdk, request);
        long r = rawFirst(server, raw, rawRequest(url, body));
        if (t >= 0) {
          sdkLat[t] = s;
          rawLat[t] = r;
        }
      }
    } finally {
      raw.dispatcher().executorService().shutdown();
      raw.connectionPool().evictAll();
    }
    System.out.printf(
        Locale.ROOT,
        "%n## 2. First-line latency: server flush -> caller holds the result, %d trials"
            + " (after %d warm-up)%n%n",
        TRIALS,
        warmup);
    System.out.println("| client | median ms | p99 ms | max ms |");
    System.out.println("|---|---:|---:|---:|");
    printLatency("SDK: EvaluationStream iterator next()", sdkLat);
    printLatency("raw OkHttp + MappingIterator nextValue()", rawLat);
    Arrays.sort(sdkLat);
    double p99 = sdkLat[(int) Math.ceil(TRIALS * 0.99) - 1] / 1e6;
    System.out.printf(Locale.ROOT, "%nSDK p99 < 5 ms: %s%n", p99 < 5 ? "met" : "NOT met");
  }

  private static void printLatency(String name, long[] nanos) {
    long[] t = nanos.clone();
    Arrays.sort(t);
    System.out.printf(
        Locale.ROOT,
        "| %s | %.3f | %.3f | %.3f |%n",
        name,
        t[t.length / 2] / 1e6,
        t[(int) Math.ceil(t.length * 0.99) - 1] / 1e6,
        t[t.length - 1] / 1e6);
  }

  private static long sdkFirst(BenchServer server, ClavataClient sdk, EvaluateRequest request)
      throws InterruptedException {
    server.arm();
    try (EvaluationStream stream = sdk.stream().evaluate(request)) {
      Iterator<EvaluationResult> it = stream.iterator();
      it.hasNext();
      EvaluationResult first = it.next();
      long received = System.nanoTime();
      server.release();
      sink += consume(first.report());
      while (it.hasNext()) {
        sink += it.next().inputIndex();
      }
      return received - flushed(server);
    }
  }

  private static long rawFirst(BenchServer server, OkHttpClient raw, Request request)
      throws IOException, InterruptedException {
    server.arm();
    try (Response response = raw.newCall(request).execute();
        MappingIterator<RawLine> lines = RAW_READER.readValues(response.body().byteStream())) {
      lines.hasNextValue();
      RawLine first = lines.nextValue();
      long received = System.nanoTime();
      server.release();
      sink += consume(first.result().policyEvaluationReport());
      while (lines.hasNextValue()) {
        sink += lines.nextValue().result().contentHash().length();
      }
      return received - flushed(server);
    }
  }

  private static long flushed(BenchServer server) throws InterruptedException {
    Long at = server.firstFlushed.poll(10, TimeUnit.SECONDS);
    if (at == null) {
      throw new IllegalStateException("the server never flushed a first line");
    }
    return at;
  }

  // ---------------------------------------------------------------------------------------------
  // 3. A million results in a small heap

  private static void million(BenchServer server) throws InterruptedException {
    String url = server.baseUrl("bulk", MILLION);
    long gcCountBefore = gcCount();
    long gcTimeBefore = gcTime();
    System.gc();
    Runtime rt = Runtime.getRuntime();
    long usedBefore = rt.totalMemory() - rt.freeMemory();
    BenchSupport.HeapMeter meter = BenchSupport.HeapMeter.start(2);
    long count = 0;
    long start = System.nanoTime();
    try (ClavataClient sdk = sdkClient(url);
        EvaluationStream stream = sdk.stream().evaluate(uncorrelated())) {
      for (EvaluationResult r : stream) {
        sink += consume(r.report());
        count++;
      }
    }
    long elapsed = System.nanoTime() - start;
    BenchSupport.Peak peak = meter.stop();
    System.gc();
    long usedAfter = rt.totalMemory() - rt.freeMemory();
    if (count != MILLION) {
      throw new IllegalStateException(count + " results, not " + MILLION);
    }
    double bytes = (double) MILLION * server.lineBytes();
    double seconds = elapsed / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%n## 3. %,d results of %d bytes (%.2f GB) through for (r : stream), 1-item request,"
            + " correlateInputs(false)%n%n",
        MILLION,
        server.lineBytes(),
        bytes / 1e9);
    System.out.println("| measure | value |");
    System.out.println("|---|---:|");
    System.out.printf(Locale.ROOT, "| results received | %,d (no error) |%n", count);
    System.out.printf(
        Locale.ROOT,
        "| time | %.2f s (%,.0f results/s, %.1f MB/s) |%n",
        seconds,
        MILLION / seconds,
        bytes / seconds / 1e6);
    System.out.printf(Locale.ROOT, "| max heap (-Xmx) | %.1f MB |%n", rt.maxMemory() / 1e6);
    System.out.printf(Locale.ROOT, "| heap used before (after GC) | %.1f MB |%n", usedBefore / 1e6);
    System.out.printf(
        Locale.ROOT, "| peak heap used, sampled every 2 ms | %.1f MB |%n", peak.sampled() / 1e6);
    System.out.printf(
        Locale.ROOT,
        "| peak heap used, sum of per-pool MXBean peaks (upper bound) | %.1f MB |%n",
        peak.poolSum() / 1e6);
    System.out.printf(Locale.ROOT, "| heap used after (after GC) | %.1f MB |%n", usedAfter / 1e6);
    System.out.printf(
        Locale.ROOT,
        "| GCs during the run | %d (%d ms) |%n",
        gcCount() - gcCountBefore,
        gcTime() - gcTimeBefore);
    System.out.println("\nPer-pool peaks: " + peak.perPool());
  }

  // ---------------------------------------------------------------------------------------------

  private static void printHeader(BenchServer server) {
    Runtime rt = Runtime.getRuntime();
    List<String> gcs = new ArrayList<>();
    ManagementFactory.getGarbageCollectorMXBeans().forEach(gc -> gcs.add(gc.getName()));
    System.out.printf(
        Locale.ROOT,
        "# StreamBenchmark%n%nJava %s (%s), %d CPUs, max heap %.0f MB, GC %s%n"
            + "Line: %d bytes; input arguments: %s; system load average (1 min): %.2f%n",
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        rt.availableProcessors(),
        rt.maxMemory() / 1e6,
        gcs,
        server.lineBytes(),
        ManagementFactory.getRuntimeMXBean().getInputArguments(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
