package ai.clavata.sdk.bench;

import ai.clavata.sdk.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback stream endpoint shaped like a rate-limited gateway: each request takes a fixed
 * latency, at most {@code maxConcurrency} are served at once, and one more is answered 429 with
 * {@code Retry-After-Ms}. Each answered item gets a result line echoing its input-index tag, one
 * chunk and flush per line.
 */
final class LimitedStreamServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(daemon());
  private final Semaphore slots;
  private final long latencyMillis;
  final AtomicLong requests = new AtomicLong();
  final AtomicLong refused = new AtomicLong();

  LimitedStreamServer(int maxConcurrency, long latencyMillis) throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    this.slots = new Semaphore(maxConcurrency);
    this.latencyMillis = latencyMillis;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode request = Json.MAPPER.readTree(exchange.getRequestBody());
      requests.incrementAndGet();
      if (!slots.tryAcquire()) {
        refused.incrementAndGet();
        byte[] body =
            "{\"code\":8,\"message\":\"too many requests\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Retry-After-Ms", "20");
        exchange.sendResponseHeaders(429, body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      try {
        Thread.sleep(latencyMillis);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (JsonNode item : request.path("contentData")) {
          String index = item.path("metadata").path("clavata-sdk-input-index").asText();
          String line =
              "{\"result\":{\"jobUuid\":\"j\",\"contentHash\":\"h\",\"policyEvaluationReport\":"
                  + "{\"result\":\"OUTCOME_FALSE\",\"contentMetadata\":{\"clavata-sdk-input-index\":\""
                  + index
                  + "\"}}}}\n";
          out.write(line.getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        slots.release();
      }
    } catch (IOException e) {
      // the client hung up
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return task -> {
      Thread thread = new Thread(task, "limited-stream-server");
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
