package ai.clavata.sdk.testing;

import ai.clavata.sdk.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Writes one evaluation stream the way the gateway does: HTTP 200 with a chunked {@code
 * application/json} body, one {@code {"result": …}} line per item, each flushed at once, in
 * completion order (the fake finishes shorter content first), ended by EOF or by an {@code
 * {"error": …}} line.
 */
final class FakeStream {
  private final FakeExchange exchange;
  private final FakeClavataServer.Policy policy;
  private final JsonNode request;
  private final Duration delay;

  FakeStream(
      FakeExchange exchange, FakeClavataServer.Policy policy, JsonNode request, Duration delay) {
    this.exchange = exchange;
    this.policy = policy;
    this.request = request;
    this.delay = delay;
  }

  void send(int resultsBeforeFailure, FakeFailure failure) throws IOException {
    List<JsonNode> items = new ArrayList<>();
    request.path("contentData").forEach(items::add);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingInt(i -> FakeEvaluator.matchText(items.get(i)).length()));
    String jobUuid = UUID.randomUUID().toString();
    double threshold = FakeEvaluator.threshold(request);
    exchange.exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.exchange.getResponseBody()) {
      int sent = 0;
      for (int index : order) {
        JsonNode item = items.get(index);
        String hash = FakeEvaluator.contentHash(FakeEvaluator.contentBytes(item));
        if (sent == resultsBeforeFailure) {
          ObjectNode line = Json.MAPPER.createObjectNode();
          line.set("error", failure.status(hash));
          writeLine(out, line);
          return;
        }
        pause();
        ObjectNode line = Json.MAPPER.createObjectNode();
        ObjectNode result = line.putObject("result");
        result.put("jobUuid", jobUuid);
        result.put("contentHash", hash);
        result.set("policyEvaluationReport", FakeEvaluator.report(policy, item, threshold, hash));
        writeLine(out, line);
        sent++;
      }
    }
  }

  private static void writeLine(OutputStream out, ObjectNode line) throws IOException {
    out.write(Json.MAPPER.writeValueAsBytes(line));
    out.write('\n');
    out.flush();
  }

  private void pause() throws IOException {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
