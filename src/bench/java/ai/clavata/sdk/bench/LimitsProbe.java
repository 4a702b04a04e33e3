package ai.clavata.sdk.bench;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.jobs.ListJobsRequest;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.stream.EvaluateRequest;
import ai.clavata.sdk.stream.EvaluationStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import okio.BufferedSink;

/**
 * What the SDK's size limits do under a 64 MB heap, case by case, each in a JVM of its own (an
 * {@code OutOfMemoryError} would spoil the cases after it): the responses an adversarial or broken
 * server could send, with default settings. Prints one row per case: what the caller got, and the
 * peak heap while getting it.
 *
 * <pre>mvn -q -Pbench test-compile exec:exec@limits-probe</pre>
 */
public final class LimitsProbe {
  private static final long MB = 1 << 20;

  /** One hostile response and the call that reads it. */
  private enum Case {
    UNARY_100MB_STRING("unary: a 100 MB string in a known field", false),
    UNARY_100MB_WHITESPACE("unary: 100 MB of whitespace before the object", false),
    UNARY_GZIP_BOMB("unary: 100 KB of gzip inflating to 100 MB", false),
    UNARY_15MB_OF_EMPTY_JOBS("unary: 15 MB of {} jobs, under the limit", false),
    STREAM_3M_MAP_ENTRIES("stream: one 50 MB line of 3 M metadata entries", true),
    STREAM_50MB_STRING("stream: one 50 MB line holding one string", true);

    final String title;
    final boolean stream;

    Case(String title, boolean stream) {
      this.title = title;
      this.stream = stream;
    }
  }

  private LimitsProbe() {}

  /** No argument: runs every case in a child JVM; a case name: runs that case here. */
  public static void main(String[] args) throws Exception {
    if (args.length == 1) {
      System.out.println(run(Case.valueOf(args[0])));
      return;
    }
    System.out.println(
        "| Case (default limits, -Xmx64m) | What the caller got | Peak heap, sampled |");
    System.out.println("| --- | --- | --- |");
    for (Case c : Case.values()) {
      Process child =
          new ProcessBuilder(
                  System.getProperty("java.home") + "/bin/java",
                  "-Xmx64m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  LimitsProbe.class.getName(),
                  c.name())
              .redirectErrorStream(true)
              .start();
      String out =
          new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      child.waitFor();
      String[] lines = out.split("\n");
      System.out.println("| " + c.title + " | " + lines[lines.length - 1] + " |");
    }
  }

  private static String run(Case c) throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(response(c));
      try (ClavataClient client = BenchSupport.sdkClient(server.url("/").toString())) {
        BenchSupport.HeapMeter meter = BenchSupport.HeapMeter.start(2);
        String outcome;
        try {
          outcome = "no error: " + call(client, c);
        } catch (RuntimeException e) {
          String message = String.valueOf(e.getMessage());
          Throwable cause = e.getCause();
          if (cause != null && e.getClass().getSimpleName().equals("StreamInterruptedException")) {
            message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
          }
          outcome = e.getClass().getSimpleName() + ": " + excerpt(message);
        } catch (OutOfMemoryError e) {
          outcome = "OutOfMemoryError";
        }
        BenchSupport.Peak peak = meter.stop();
        return String.format(Locale.ROOT, "%s | %.1f MB", outcome, peak.sampled() / 1e6);
      }
    }
  }

  private static String call(ClavataClient client, Case c) {
    if (!c.stream) {
      return c == Case.UNARY_15MB_OF_EMPTY_JOBS
          ? client.jobs().list(ListJobsRequest.builder().build()).items().size() + " jobs"
          : client.jobs().get("j1").jobUuid();
    }
    EvaluateRequest request =
        EvaluateRequest.builder().policyId("p").addContent(ContentData.text("x")).build();
    try (EvaluationStream results = client.stream().evaluate(request)) {
      return results.toList().size() + " results";
    }
  }

  private static String excerpt(String message) {
    String line = message.replace('|', '/');
    return line.length() <= 160 ? line : line.substring(0, 160) + "…";
  }

  private static MockResponse response(Case c) throws IOException {
    MockResponse.Builder ok =
        new MockResponse.Builder().addHeader("Content-Type", "application/json");
    return switch (c) {
      case UNARY_100MB_STRING ->
          ok.body(generated("{\"job\":{\"jobUuid\":\"", 100 * MB, 'a', "\"}}")).build();
      case UNARY_100MB_WHITESPACE ->
          ok.body(generated("", 100 * MB, ' ', "{\"job\":{\"jobUuid\":\"j1\"}}")).build();
      case UNARY_GZIP_BOMB -> ok.addHeader("Content-Encoding", "gzip").body(gzipBomb()).build();
      case UNARY_15MB_OF_EMPTY_JOBS ->
          ok.body(repeated("{\"jobs\":[{}", ",{}", 15 * MB, "]}")).build();
      case STREAM_3M_MAP_ENTRIES -> ok.body(mapEntries(3_000_000)).build();
      case STREAM_50MB_STRING ->
          ok.body(
                  generated(
                      "{\"result\":{\"policyEvaluationReport\":{\"policyKey\":\"",
                      50 * MB,
                      'k',
                      "\"}}}\n"))
              .build();
    };
  }

  /** {@code head}, {@code size} bytes of {@code fill}, {@code tail}, written as they are sent. */
  private static MockResponseBody generated(String head, long size, char fill, String tail) {
    return lazily(
        head.length() + size + tail.length(),
        sink -> {
          sink.writeUtf8(head);
          byte[] block = new byte[64 * 1024];
          Arrays.fill(block, (byte) fill);
          for (long left = size; left > 0; left -= block.length) {
            sink.write(block, 0, (int) Math.min(block.length, left));
          }
          sink.writeUtf8(tail);
        });
  }

  /** {@code head}, then {@code unit} repeated to about {@code size} bytes, then {@code tail}. */
  private static MockResponseBody repeated(String head, String unit, long size, String tail) {
    long count = (size - head.length() - tail.length()) / unit.length();
    return lazily(
        head.length() + count * unit.length() + tail.length(),
        sink -> {
          sink.writeUtf8(head);
          for (long i = 0; i < count; i++) {
            sink.writeUtf8(unit);
          }
          sink.writeUtf8(tail);
        });
  }

  /** One result line whose report's metadata has {@code entries} small entries. */
  private static MockResponseBody mapEntries(int entries) {
    String head = "{\"result\":{\"policyEvaluationReport\":{\"contentMetadata\":{";
    long length = head.length() + "}}}\n".length();
    for (int i = 0; i < entries; i++) {
      length += (i == 0 ? 0 : 1) + ("\"k" + i + "\":\"v\"").length();
    }
    return lazily(
        length,
        sink -> {
          sink.writeUtf8(head);
          for (int i = 0; i < entries; i++) {
            sink.writeUtf8(i == 0 ? "" : ",")
                .writeUtf8("\"k")
                .writeUtf8(Integer.toString(i))
                .writeUtf8("\":\"v\"");
          }
          sink.writeUtf8("}}}\n");
        });
  }

  private static Buffer gzipBomb() throws IOException {
    Buffer compressed = new Buffer();
    byte[] spaces = new byte[(int) MB];
    Arrays.fill(spaces, (byte) ' ');
    try (GZIPOutputStream out = new GZIPOutputStream(compressed.outputStream())) {
      for (int i = 0; i < 100; i++) {
        out.write(spaces);
      }
    }
    return compressed;
  }

  private interface Writer {
    void write(BufferedSink sink) throws IOException;
  }

  private static MockResponseBody lazily(long length, Writer writer) {
    return new MockResponseBody() {
      @Override
      public long getContentLength() {
        return length;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        writer.write(sink);
      }
    };
  }
}
