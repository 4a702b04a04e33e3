package ai.clavata.sdk.stream;

import ai.clavata.sdk.model.ContentData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponseBody;
import mockwebserver3.RecordedRequest;
import okio.BufferedSink;

/** Lines, requests and server bodies shared by the stream tests. */
final class StreamFixtures {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String KEY = EvaluateRequest.INPUT_INDEX_KEY;

  /** How long a server body waits for the test to let it go on before giving up. */
  static final long GATE_SECONDS = 10;

  private StreamFixtures() {}

  /** A result line answering input {@code index}, echoing the caller's metadata {@code mine=x}. */
  static String result(int index) {
    return result(index, Map.of("mine", "x"), "key");
  }

  /**
   * A result line; {@code index} null sends no correlation key, as a server that drops it or a
   * stream without correlation would.
   */
  static String result(Integer index, Map<String, String> callerMetadata, String policyKey) {
    ObjectNode line = JSON.createObjectNode();
    ObjectNode result = line.putObject("result");
    result.put("jobUuid", "job-1");
    result.put("contentHash", "md5::" + index);
    ObjectNode report = result.putObject("policyEvaluationReport");
    report.put("policyId", "p");
    report.put("policyKey", policyKey);
    Map<String, String> metadata = new LinkedHashMap<>(callerMetadata);
    if (index != null) {
      metadata.put(KEY, index.toString());
    }
    ObjectNode meta = report.putObject("contentMetadata");
    metadata.forEach(meta::put);
    report.putObject("reviewResult").put("outcome", "OUTCOME_TRUE").put("score", 0.9);
    return line + "\n";
  }

  /** {@code {"code": code, "message": message}}. */
  static String status(int code, String message) {
    return JSON.createObjectNode().put("code", code).put("message", message).toString();
  }

  /** A refusal Status (code 1) with one NCMEC PrecheckFailure detail. */
  static String refusalStatus() {
    return "{\"code\":1,\"message\":\"content refused\",\"details\":[{\"@type\":"
        + "\"type.googleapis.com/clavata.gateway.v1.PrecheckFailure\","
        + "\"type\":\"PRECHECK_FAILURE_TYPE_NCMEC\",\"message\":\"hash match\","
        + "\"details\":\"md5::refused\"}]}";
  }

  /** An error line {@code {"error": status}}. */
  static String errorLine(String status) {
    return "{\"error\":" + status + "}\n";
  }

  /** Items "item 0" … with the caller's own metadata {@code mine=x}; correlation on. */
  static EvaluateRequest.Builder request(int items) {
    EvaluateRequest.Builder builder = EvaluateRequest.builder().policyId("p");
    for (int i = 0; i < items; i++) {
      builder.addContent(ContentData.text("item " + i).withMetadata("mine", "x"));
    }
    return builder;
  }

  static JsonNode body(RecordedRequest request) throws IOException {
    return JSON.readTree(request.getBody().utf8());
  }

  /**
   * Writes {@code first}, flushes it, then withholds the rest until the test opens the gate. If the
   * gate is never opened the body gives up after {@link #GATE_SECONDS} and says so, so that a
   * client that waits for the whole body makes the test fail instead of hang.
   */
  static final class GatedBody implements MockResponseBody {
    private final byte[] first;
    private final byte[] rest;
    final CountDownLatch firstFlushed = new CountDownLatch(1);
    final CountDownLatch gate = new CountDownLatch(1);
    final CountDownLatch done = new CountDownLatch(1);
    volatile boolean gateTimedOut;
    volatile boolean restWritten;
    volatile IOException writeFailure;

    GatedBody(String first, String rest) {
      this.first = first.getBytes(StandardCharsets.UTF_8);
      this.rest = rest.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public long getContentLength() {
      return first.length + rest.length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      try {
        sink.write(first);
        sink.flush();
        firstFlushed.countDown();
        try {
          gateTimedOut = !gate.await(GATE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted at the gate");
        }
        sink.write(rest);
        sink.flush();
        restWritten = true;
      } catch (IOException e) {
        writeFailure = e;
        throw e;
      } finally {
        done.countDown();
      }
    }
  }

  /**
   * Writes {@code first}, flushes it, then sends blank lines (which a reader skips) until the
   * client closes the connection, which it records: a server-side view of the release.
   */
  static final class EndlessBody implements MockResponseBody {
    private static final long LIMIT = 256L * 1024 * 1024;
    private final byte[] first;
    final CountDownLatch firstFlushed = new CountDownLatch(1);
    final CountDownLatch clientClosed = new CountDownLatch(1);

    EndlessBody(String first) {
      this.first = first.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public long getContentLength() {
      return 1L << 40;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      byte[] padding = new byte[8192];
      Arrays.fill(padding, (byte) '\n');
      try {
        sink.write(first);
        sink.flush();
        firstFlushed.countDown();
        for (long written = 0; written < LIMIT; written += padding.length) {
          sink.write(padding);
          sink.flush();
        }
      } catch (IOException e) {
        clientClosed.countDown();
        throw e;
      }
    }
  }
}
