package ai.clavata.sdk.bench;

import static ai.clavata.sdk.bench.BenchSupport.gcCount;
import static ai.clavata.sdk.bench.BenchSupport.gcTime;
import static ai.clavata.sdk.bench.BenchSupport.rawClient;
import static ai.clavata.sdk.bench.BenchSupport.sdkClient;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.batch.BatchInput;
import ai.clavata.sdk.batch.BatchInputRow;
import ai.clavata.sdk.batch.BatchLabel;
import ai.clavata.sdk.batch.BatchResultRow;
import ai.clavata.sdk.batch.BatchResults;
import ai.clavata.sdk.internal.Json;
import ai.clavata.sdk.model.BatchJob;
import ai.clavata.sdk.model.BatchJobCreated;
import ai.clavata.sdk.model.BatchJobState;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The batch benchmark: writing a 1,000,000-row batch input through the SDK's upload path, and
 * parsing a 1,000,000-row results file through {@code client.batch().results(job)}, each side by
 * side with the same work done by raw jackson-dataformat-csv (plus OkHttp for the transfer), under
 * {@code -Xmx64m}. A plain {@code main}; see BENCHMARKS.md for the command and the numbers.
 *
 * <p>System properties: {@code bench.rows} (rows per file, default 1000000), {@code bench.warmup}
 * (warm-up rounds, 1), {@code bench.rounds} (measured rounds, 9), {@code bench.only} ({@code
 * write}, {@code parse} or both, the default: which measurements to run).
 */
public final class BatchBenchmark {
  private static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 1);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 9);
  private static final String POLICY = "6c0e2f7a-1d4b-4e8a-9b3c-5f7d2a1e0c94";
  private static final MediaType CSV_TYPE = MediaType.get("text/csv");

  private static final CsvMapper CSV = new CsvMapper();

  /** The raw writer's schema: the input file's header; CRLF, as the SDK writes, so bytes match. */
  private static final CsvSchema INPUT_SCHEMA =
      CsvSchema.builder()
          .addColumn("ref_id")
          .addColumn("type")
          .addColumn("content")
          .build()
          .withHeader()
          .withLineSeparator("\r\n");

  /** The raw reader: rows as string arrays, as the SDK reads them. */
  private static final ObjectReader RAW_ROWS =
      CSV.readerForArrayOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY);

  /** One label, as the raw side binds it. */
  record RawLabel(String label, double score) {}

  /** One results row, as the raw side builds it. */
  record RawRow(String refId, String type, List<RawLabel> labels, String content, String error) {}

  /** The raw side binds the labels cell with the SDK's mapper configuration. */
  private static final ObjectReader RAW_LABELS =
      Json.MAPPER.readerFor(new TypeReference<List<RawLabel>>() {});

  /** Keeps the JIT from dropping the work of consuming a row. */
  private static long sink;

  private BatchBenchmark() {}

  /**
   * Runs both measurements and prints the tables.
   *
   * @param args ignored
   * @throws Exception if the benchmark itself fails
   */
  public static void main(String[] args) throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try (BatchBenchServer server = new BatchBenchServer(resultsHeader(), resultTemplates())) {
      printHeader();
      String only = System.getProperty("bench.only", "write,parse");
      if (only.contains("write")) {
        write(server);
      }
      if (only.contains("parse")) {
        parse(server);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%nSystem load average (1 min) at the end: %.2f%n",
        BenchSupport.loadAverage());
    System.out.println("(sink " + (sink == 42 ? "!" : ".") + ")");
  }

  // ---------------------------------------------------------------------------------------------
  // The data

  private static final String[] OPENERS = {
    "Honestly, I think",
    "lol",
    "Can someone explain why",
    "My neighbour said",
    "Just got back from the game and",
    "PSA:",
    "Not gonna lie,",
    "Reporting this because",
    "Ok so",
    "Thread:",
  };
  private static final String[] MIDDLES = {
    "the new update broke everything, again",
    "this is the best café in town, no question",
    "he wrote \"you'll regret this\" under my photo",
    "the mods keep deleting posts about the \"incident\" at the station",
    "you're all idiots if you believe that, seriously",
    "buy cheap followers now at the link in my bio",
    "the referee was blind, completely blind, the whole second half",
    "I'd rather eat glass than sit through that meeting again",
    "we should meet at 5, bring snacks, chairs and the \"good\" speaker",
    "naïve question: is the 3.2 patch out yet?",
    "someone keyed my car in the lot 👎 and nobody saw a thing",
    "my cat knocked the plant over, then looked at me like it was my fault",
  };
  private static final String[] CLOSERS = {
    ".",
    "!!",
    " 😂",
    ", just saying.",
    "? Thoughts?",
    ". Anyone else?",
    ".\nEdit: typo",
    ", see you all tomorrow.",
  };

  /** Distinct contents: rows cycle through them, so generating a row allocates only its ref id. */
  private static final String[] CONTENTS = contents(512);

  /** Texts of about 80 to 200 characters, some with commas, quotes, newlines or non-ASCII. */
  private static String[] contents(int n) {
    Random random = new Random(42);
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      if (i % 20 == 19) {
        out[i] =
            "https://cdn.example.com/uploads/2026/11/"
                + Long.toHexString(random.nextLong())
                + Long.toHexString(random.nextLong())
                + ".jpg";
        continue;
      }
      StringBuilder text = new StringBuilder();
      int target = 80 + random.nextInt(101);
      while (text.length() < target) {
        if (text.length() > 0) {
          text.append(' ');
        }
        text.append(OPENERS[random.nextInt(OPENERS.length)])
            .append(' ')
            .append(MIDDLES[random.nextInt(MIDDLES.length)])
            .append(CLOSERS[random.nextInt(CLOSERS.length)]);
      }
      out[i] = text.length() > 190 ? text.substring(0, 190).trim() : text.toString();
    }
    return out;
  }

  private static boolean isImage(int i) {
    return i % CONTENTS.length % 20 == 19;
  }

  /**
   * Row {@code i}'s ref id: {@code post-<i>}, or, {@code shuffled}, {@code post-<p(i)>} for a
   * permutation p of the row numbers, so the ids are the same set (and the files the same size) but
   * out of order from the third row on.
   */
  private static String refId(int i, boolean shuffled) {
    return "post-" + (shuffled ? (int) ((long) i * 999_983 % ROWS) : i);
  }

  private static String type(int i) {
    return isImage(i) ? "image_url" : "text";
  }

  private static String content(int i) {
    return CONTENTS[i % CONTENTS.length];
  }

  /** The SDK's input rows, generated lazily. */
  private static Stream<BatchInputRow> sdkRows(int n, boolean shuffled) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                isImage(i)
                    ? BatchInputRow.imageUrl(refId(i, shuffled), content(i))
                    : BatchInputRow.text(refId(i, shuffled), content(i)));
  }

  private static String resultsHeader() {
    return "ref_id,type,labels,content,error\r\n";
  }

  /**
   * The results rows: one per content, 3 % of them errors (no labels), the others with two or three
   * labels, CSV-encoded by Jackson once.
   */
  private static List<String> resultTemplates() throws IOException {
    CsvSchema schema =
        CsvSchema.builder()
            .addColumn("ref_id")
            .addColumn("type")
            .addColumn("labels")
            .addColumn("content")
            .addColumn("error")
            .build()
            .withoutHeader()
            .withLineSeparator("\r\n");
    Random random = new Random(7);
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < CONTENTS.length; i++) {
      boolean error = i % 33 == 5;
      String labels = "";
      if (!error) {
        labels =
            String.format(
                Locale.ROOT,
                "[{\"label\":\"Threats\",\"score\":%.2f},{\"label\":\"Spam\",\"score\":%.2f}%s]",
                random.nextDouble(),
                random.nextDouble(),
                i % 3 == 0
                    ? String.format(
                        Locale.ROOT,
                        ",{\"label\":\"Harassment\",\"score\":%.3f}",
                        random.nextDouble())
                    : "");
      }
      rows.add(
          CSV.writer(schema)
              .writeValueAsString(
                  new String[] {
                    "post-" + BatchBenchServer.PLACEHOLDER,
                    type(i),
                    labels,
                    CONTENTS[i],
                    error ? "INTERNAL: the content could not be evaluated, try again" : ""
                  }));
    }
    return rows;
  }

  // ---------------------------------------------------------------------------------------------
  // The harness

  private interface Variant {
    /** Does the work once; returns the number of rows. */
    long run() throws Exception;
  }

  /** The measured rounds of one variant. */
  private static final class Runs {
    final List<Long> wall = new ArrayList<>();
    final List<Long> cpu = new ArrayList<>();
    long sampledPeak;
    long poolPeak;
    String perPool = "";

    double medianSeconds() {
      return median(wall) / 1e9;
    }

    double minSeconds() {
      return wall.stream().mapToLong(Long::longValue).min().orElseThrow() / 1e9;
    }

    double medianCpuSeconds() {
      return median(cpu) / 1e9;
    }

    private static long median(List<Long> values) {
      long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
      return sorted[sorted.length / 2];
    }
  }

  /**
   * Runs every variant {@code WARMUP + ROUNDS} times, rotating their order each round, with a
   * {@code System.gc()} and a fresh heap meter before each run.
   */
  private static Map<String, Runs> measure(Map<String, Variant> variants, long expectedRows)
      throws Exception {
    List<String> names = new ArrayList<>(variants.keySet());
    Map<String, Runs> runs = new LinkedHashMap<>();
    names.forEach(n -> runs.put(n, new Runs()));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < WARMUP + ROUNDS; round++) {
      for (int k = 0; k < names.size(); k++) {
        String name = names.get((k + round) % names.size());
        System.gc();
        BenchSupport.HeapMeter meter = BenchSupport.HeapMeter.start(5);
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long rows = variants.get(name).run();
        long elapsed = System.nanoTime() - start;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        BenchSupport.Peak peak = meter.stop();
        if (rows != expectedRows) {
          throw new IllegalStateException(name + ": " + rows + " rows, not " + expectedRows);
        }
        if (round >= WARMUP) {
          Runs r = runs.get(name);
          r.wall.add(elapsed);
          r.cpu.add(cpu);
          if (peak.sampled() > r.sampledPeak) {
            r.sampledPeak = peak.sampled();
          }
          if (peak.poolSum() > r.poolPeak) {
            r.poolPeak = peak.poolSum();
            r.perPool = peak.perPool();
          }
        }
      }
      System.out.print(round < WARMUP ? "w" : ".");
      System.out.flush();
    }
    System.out.println();
    return runs;
  }

  private static void table(Map<String, Runs> runs, long rows, double bytes) {
    System.out.println(
        "| variant | median s | min s | max s | rows/s | MB/s | caller-thread CPU s"
            + " | peak heap, sampled (MB) | peak heap, pool sum (MB) |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (Map.Entry<String, Runs> e : runs.entrySet()) {
      Runs r = e.getValue();
      double median = r.medianSeconds();
      long min = r.wall.stream().mapToLong(Long::longValue).min().orElseThrow();
      long max = r.wall.stream().mapToLong(Long::longValue).max().orElseThrow();
      System.out.printf(
          Locale.ROOT,
          "| %s | %.3f | %.3f | %.3f | %,.0f | %.1f | %.3f | %.1f | %.1f |%n",
          e.getKey(),
          median,
          min / 1e9,
          max / 1e9,
          rows / median,
          bytes / median / 1e6,
          r.medianCpuSeconds(),
          r.sampledPeak / 1e6,
          r.poolPeak / 1e6);
    }
    System.out.println();
    for (Map.Entry<String, Runs> e : runs.entrySet()) {
      System.out.println("Per-pool peaks, " + e.getKey() + ": " + e.getValue().perPool);
    }
  }

  /**
   * Prints SDK / raw by median wall time (the goal), by caller-thread CPU, by best wall time, and
   * as the median of the per-round ratios: variants of one round run back to back, so the last is
   * the least moved by the host's slow spells, which last seconds on a shared VM.
   */
  private static void ratio(String what, Runs sdk, Runs raw) {
    double wall = raw.medianSeconds() / sdk.medianSeconds();
    double cpu = raw.medianCpuSeconds() / sdk.medianCpuSeconds();
    double best = raw.minSeconds() / sdk.minSeconds();
    double[] paired = new double[sdk.wall.size()];
    for (int i = 0; i < paired.length; i++) {
      paired[i] = (double) raw.wall.get(i) / sdk.wall.get(i);
    }
    Arrays.sort(paired);
    System.out.printf(
        Locale.ROOT,
        "%nSDK / raw, %s: %.3f by median wall time (goal >= 0.9: %s); %.3f by caller-thread CPU;"
            + " %.3f by best wall time; %.3f by median per-round ratio%n",
        what,
        wall,
        wall >= 0.9 ? "met" : "NOT met",
        cpu,
        best,
        paired[paired.length / 2]);
  }

  // ---------------------------------------------------------------------------------------------
  // 1. Writing a batch input

  private static void write(BatchBenchServer server) throws Exception {
    OkHttpClient raw = rawClient();
    BatchJobCreated created = new BatchJobCreated("bench-job", "bench", null, server.uploadUrl());
    long[] bytes = {-1, -1};
    try (ClavataClient sdk = sdkClient("http://127.0.0.1:1/")) {
      Map<String, Variant> variants = new LinkedHashMap<>();
      variants.put(
          "generate rows only (BatchInputRow stream, no CSV, no I/O)",
          () -> {
            long n = 0;
            for (BatchInputRow row : (Iterable<BatchInputRow>) sdkRows(ROWS, false)::iterator) {
              sink += row.refId().length() + row.content().length();
              n++;
            }
            return n;
          });
      variants.put(
          "raw: CsvMapper SequenceWriter (defaults) to a temp file + OkHttp PUT",
          () -> {
            long n =
                rawUpload(
                    raw, server.uploadUrl(), file -> writeRows(CSV.writer(INPUT_SCHEMA), file));
            check(bytes, 0, server.putBytes.get());
            return n;
          });
      variants.put(
          "raw, tuned: the same with FLUSH_AFTER_WRITE_VALUE off",
          () -> {
            long n =
                rawUpload(
                    raw,
                    server.uploadUrl(),
                    file ->
                        writeRows(
                            CSV.writer(INPUT_SCHEMA)
                                .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE),
                            file));
            check(bytes, 0, server.putBytes.get());
            return n;
          });
      variants.put(
          "raw, streaming: CsvGenerator (no databind) to a temp file + OkHttp PUT",
          () -> {
            long n = rawUpload(raw, server.uploadUrl(), BatchBenchmark::generateRows);
            check(bytes, 0, server.putBytes.get());
            return n;
          });
      variants.put(
          "**SDK: batch().upload(created, BatchInput.of(stream))**",
          () -> {
            long n = sdk.batch().upload(created, BatchInput.of(sdkRows(ROWS, false)));
            check(bytes, 1, server.putBytes.get());
            return n;
          });
      variants.put(
          "SDK, the same rows with their ref ids out of order",
          () -> {
            long n = sdk.batch().upload(created, BatchInput.of(sdkRows(ROWS, true)));
            check(bytes, 1, server.putBytes.get());
            return n;
          });
      Map<String, Runs> runs = measure(variants, ROWS);
      if (bytes[0] != bytes[1]) {
        throw new IllegalStateException("the two uploads differ: " + Arrays.toString(bytes));
      }
      System.out.printf(
          Locale.ROOT,
          "%n## 1. Writing a %,d-row batch input (%.1f MB of CSV, %.0f bytes/row), uploaded to a"
              + " loopback PUT; %d warm-up + %d measured rounds, median%n%n",
          ROWS,
          bytes[0] / 1e6,
          (double) bytes[0] / ROWS,
          WARMUP,
          ROUNDS);
      table(runs, ROWS, bytes[0]);
      List<Runs> r = new ArrayList<>(runs.values());
      ratio("writing + uploading the input (vs raw defaults)", r.get(4), r.get(1));
      ratio("writing + uploading the input (vs raw tuned)", r.get(4), r.get(2));
      ratio("writing + uploading the input (vs raw streaming)", r.get(4), r.get(3));
      ratio("ref ids out of order (vs raw streaming)", r.get(5), r.get(3));
    } finally {
      BenchSupport.shutdown(raw);
    }
  }

  private static void check(long[] bytes, int which, long put) {
    if (bytes[which] >= 0 && bytes[which] != put) {
      throw new IllegalStateException("uploads of different sizes: " + bytes[which] + ", " + put);
    }
    bytes[which] = put;
  }

  /** Writes the benchmark's rows to a file; returns how many. */
  private interface RowWriter {
    long write(Path file) throws IOException;
  }

  /** The same rows written by raw jackson-dataformat-csv, then PUT as the SDK PUTs them. */
  private static long rawUpload(OkHttpClient raw, String url, RowWriter rows) throws IOException {
    Path file = Files.createTempFile("raw-batch-", ".csv");
    try {
      long n = rows.write(file);
      Request put =
          new Request.Builder().url(url).put(RequestBody.create(file.toFile(), CSV_TYPE)).build();
      try (Response response = raw.newCall(put).execute()) {
        if (!response.isSuccessful()) {
          throw new IOException("PUT: HTTP " + response.code());
        }
      }
      return n;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Databind: a {@code String[]} per row through a {@code SequenceWriter}. */
  private static long writeRows(ObjectWriter writer, Path file) throws IOException {
    long n = 0;
    try (SequenceWriter csv = writer.writeValues(file.toFile())) {
      for (int i = 0; i < ROWS; i++) {
        csv.write(new String[] {refId(i, false), type(i), content(i)});
        n++;
      }
    }
    return n;
  }

  /** Jackson's streaming API: each row written as an array of three strings. */
  private static long generateRows(Path file) throws IOException {
    long n = 0;
    try (CsvGenerator csv = CSV.getFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      csv.setSchema(INPUT_SCHEMA);
      for (int i = 0; i < ROWS; i++) {
        csv.writeStartArray();
        csv.writeString(refId(i, false));
        csv.writeString(type(i));
        csv.writeString(content(i));
        csv.writeEndArray();
        n++;
      }
    }
    return n;
  }

  // ---------------------------------------------------------------------------------------------
  // 2. Parsing a results file

  private static void parse(BatchBenchServer server) throws Exception {
    OkHttpClient raw = rawClient();
    String url = server.resultsUrl(ROWS);
    BatchJob job =
        new BatchJob("bench-job", "bench", BatchJobState.COMPLETED, null, null, POLICY, null, url);
    try (ClavataClient sdk = sdkClient("http://127.0.0.1:1/")) {
      Map<String, Variant> variants = new LinkedHashMap<>();
      variants.put(
          "drain: raw OkHttp GET, bytes only, no parsing (server + socket ceiling)",
          () -> drain(raw, url));
      variants.put(
          "raw: OkHttp GET + CsvMapper MappingIterator<String[]> + labels bound by" + " Jackson",
          () -> rawParse(raw, url));
      variants.put(
          "**SDK: for (BatchResultRow row : batch().results(job))**",
          () -> {
            long n = 0;
            try (BatchResults results = sdk.batch().results(job)) {
              for (BatchResultRow row : results) {
                sink += consume(row);
                n++;
              }
            }
            return n;
          });
      Map<String, Runs> runs = measure(variants, ROWS);
      long bytes = server.resultsBytes(ROWS);
      System.out.printf(
          Locale.ROOT,
          "%n## 2. Parsing a %,d-row results file (%.1f MB, %.0f bytes/row) from a loopback GET;"
              + " %d warm-up + %d measured rounds, median%n%n",
          ROWS,
          bytes / 1e6,
          (double) bytes / ROWS,
          WARMUP,
          ROUNDS);
      table(runs, ROWS, bytes);
      List<Runs> r = new ArrayList<>(runs.values());
      ratio("parsing the results", r.get(2), r.get(1));
    } finally {
      BenchSupport.shutdown(raw);
    }
  }

  private static long drain(OkHttpClient raw, String url) throws IOException {
    try (Response response = raw.newCall(new Request.Builder().url(url).build()).execute()) {
      InputStream in = response.body().byteStream();
      byte[] buffer = new byte[8192];
      long bytes = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        bytes += n;
      }
      sink += bytes;
      return ROWS;
    }
  }

  private static long rawParse(OkHttpClient raw, String url) throws IOException {
    try (Response response = raw.newCall(new Request.Builder().url(url).build()).execute();
        MappingIterator<String[]> rows = RAW_ROWS.readValues(response.body().byteStream())) {
      String[] header = rows.nextValue();
      List<String> columns = Arrays.asList(header);
      int refId = columns.indexOf("ref_id");
      int type = columns.indexOf("type");
      int labels = columns.indexOf("labels");
      int content = columns.indexOf("content");
      int error = columns.indexOf("error");
      long n = 0;
      while (rows.hasNextValue()) {
        String[] cells = rows.nextValue();
        List<RawLabel> parsed =
            cells[labels].isEmpty() ? List.of() : RAW_LABELS.readValue(cells[labels]);
        RawRow row = new RawRow(cells[refId], cells[type], parsed, cells[content], cells[error]);
        sink += consume(row);
        n++;
      }
      return n;
    }
  }

  /** What both sides do with each row, so neither gets its parsing optimized away. */
  private static long consume(BatchResultRow row) {
    List<BatchLabel> labels = row.labels();
    return row.refId().length()
        + row.type().ordinal()
        + labels.size()
        + row.content().length()
        + row.error().length()
        + (labels.isEmpty() ? 0 : (long) (labels.get(0).score() * 100));
  }

  private static long consume(RawRow row) {
    List<RawLabel> labels = row.labels();
    return row.refId().length()
        + row.type().length()
        + labels.size()
        + row.content().length()
        + row.error().length()
        + (labels.isEmpty() ? 0 : (long) (labels.get(0).score() * 100));
  }

  // ---------------------------------------------------------------------------------------------

  private static void printHeader() {
    Runtime rt = Runtime.getRuntime();
    List<String> gcs = new ArrayList<>();
    ManagementFactory.getGarbageCollectorMXBeans().forEach(gc -> gcs.add(gc.getName()));
    System.gc();
    System.out.printf(
        Locale.ROOT,
        "# BatchBenchmark%n%nJava %s (%s), %d CPUs, max heap %.0f MB, GC %s%n"
            + "Input arguments: %s; system load average (1 min): %.2f; heap used at start (after"
            + " GC): %.1f MB; GCs so far %d (%d ms)%n",
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        rt.availableProcessors(),
        rt.maxMemory() / 1e6,
        gcs,
        ManagementFactory.getRuntimeMXBean().getInputArguments(),
        BenchSupport.loadAverage(),
        BenchSupport.usedHeap() / 1e6,
        gcCount(),
        gcTime());
  }
}
