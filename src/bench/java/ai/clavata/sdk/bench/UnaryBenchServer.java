package ai.clavata.sdk.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * The loopback server of {@link UnaryBenchmark}: the JDK's {@link HttpServer} on a fixed pool of
 * threads, answering {@code POST /v1/jobs} with one canned completed-job body under a fixed {@code
 * Content-Length}. The request body is read and discarded (or kept, while {@link #capture} is on,
 * so the benchmark can check that both clients send the same bytes).
 *
 * <p>It records the remote {@code ip:port} of every exchange, so that a round can tell how many
 * connections its client used: a client that reuses its pooled connections shows as many ports as
 * it has threads, one that churns shows many more.
 */
final class UnaryBenchServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final byte[] response;
  private final Set<String> remotes = ConcurrentHashMap.newKeySet();
  private final LongAdder requests = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final List<Captured> captured = new CopyOnWriteArrayList<>();
  private volatile boolean capture;

  /**
   * One request as the server saw it.
   *
   * @param authorization the {@code Authorization} header
   * @param contentType the {@code Content-Type} header
   * @param body the request body
   */
  record Captured(String authorization, String contentType, byte[] body) {}

  /**
   * What the server saw since the last {@link #reset()}.
   *
   * @param requests exchanges answered with the job
   * @param connections distinct remote ports among them
   * @param rejected exchanges answered 404 (a wrong method or path)
   */
  record Counts(long requests, int connections, long rejected) {}

  /**
   * Starts the server on an ephemeral loopback port.
   *
   * @param response the body of every answer, sent as {@code application/json}
   * @param threads the size of the handler pool
   */
  UnaryBenchServer(byte[] response, int threads) throws IOException {
    this.response = response.clone();
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    this.executor =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "unary-bench-server");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** {@code http://127.0.0.1:port/}: the base URL for a client. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** The length of every answer's body. */
  int responseBytes() {
    return response.length;
  }

  /** Starts or stops keeping the requests it receives. */
  void capture(boolean on) {
    captured.clear();
    capture = on;
  }

  /** The requests kept while {@link #capture} was on, in arrival order. */
  List<Captured> captured() {
    return List.copyOf(captured);
  }

  /** Returns what was seen since the last reset, and starts counting afresh. */
  Counts reset() {
    Counts counts = new Counts(requests.sumThenReset(), remotes.size(), rejected.sumThenReset());
    remotes.clear();
    return counts;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      boolean keep = capture;
      ByteArrayOutputStream kept = keep ? new ByteArrayOutputStream() : null;
      exchange.getRequestBody().transferTo(keep ? kept : OutputStream.nullOutputStream());
      if (!exchange.getRequestMethod().equals("POST")
          || !exchange.getRequestURI().getPath().equals("/v1/jobs")) {
        rejected.increment();
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      InetSocketAddress remote = exchange.getRemoteAddress();
      remotes.add(remote.getAddress().getHostAddress() + ":" + remote.getPort());
      requests.increment();
      if (keep) {
        captured.add(
            new Captured(
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                kept.toByteArray()));
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, response.length);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(response);
      }
    } catch (IOException e) {
      // The client hung up; nothing to do.
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
