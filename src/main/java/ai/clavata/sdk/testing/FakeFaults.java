package ai.clavata.sdk.testing;

import ai.clavata.sdk.internal.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;

/** The failures injected into a {@link FakeClavataServer}, and how they are answered. */
final class FakeFaults {
  /** A fault for the next stream: fail after this many results. */
  record StreamFault(int afterResults, FakeFailure failure) {}

  private final Map<FakeEndpoint, Deque<FakeFailure>> failures = new EnumMap<>(FakeEndpoint.class);
  private StreamFault streamFault;

  synchronized void failNext(FakeEndpoint endpoint, int times, FakeFailure failure) {
    Deque<FakeFailure> queue = failures.computeIfAbsent(endpoint, e -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      queue.add(failure);
    }
  }

  synchronized void failStreamAfter(int results, FakeFailure failure) {
    streamFault = new StreamFault(results, failure);
  }

  /** The fault for this stream, which then no longer applies to the next. */
  synchronized StreamFault takeStreamFault() {
    StreamFault fault = streamFault;
    streamFault = null;
    return fault;
  }

  /**
   * Answers with the endpoint's next injected failure, if any: a Status body, wrapped as {@code
   * {"error": Status}} for the stream endpoint as the gateway does before the first result.
   *
   * @return whether the request was answered
   */
  boolean answer(FakeExchange exchange, FakeEndpoint endpoint) throws IOException {
    FakeFailure failure;
    synchronized (this) {
      Deque<FakeFailure> queue = failures.get(endpoint);
      failure = queue == null ? null : queue.poll();
    }
    if (failure == null) {
      return false;
    }
    if (endpoint == FakeEndpoint.STREAM) {
      sendWrapped(exchange, failure);
    } else {
      setRetryAfter(exchange, failure);
      exchange.sendJson(failure.httpStatus(), failure.status(null));
    }
    return true;
  }

  /**
   * A stream's error before its first result: the failure's status with an {@code error} wrapper.
   */
  static void sendWrapped(FakeExchange exchange, FakeFailure failure) throws IOException {
    setRetryAfter(exchange, failure);
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.set("error", failure.status(null));
    exchange.send(
        failure.httpStatus(), "application/json", (body + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void setRetryAfter(FakeExchange exchange, FakeFailure failure) {
    if (failure.retryAfter() != null) {
      long millis = failure.retryAfter().toMillis();
      exchange
          .exchange
          .getResponseHeaders()
          .set("Retry-After", Long.toString((millis + 999) / 1000));
      if (millis % 1000 != 0) {
        exchange.exchange.getResponseHeaders().set("Retry-After-Ms", Long.toString(millis));
      }
    }
  }
}
