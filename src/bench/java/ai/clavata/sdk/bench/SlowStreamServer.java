package ai.clavata.sdk.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The server of {@link ConcurrentStreamsBenchmark}, run as a child JVM so that its threads and heap
 * are not counted against the client. A plain {@code main}: {@code SlowStreamServer <lines>
 * <paceMillis>}.
 *
 * <p>It listens on an ephemeral loopback port and prints {@code PORT <n>} on stdout. {@code POST
 * /v1/jobs/stream} reads the request body, then answers with {@code lines} NDJSON results, waiting
 * {@code paceMillis} before each (the time an evaluation would take) and sending each line as one
 * HTTP chunk, flushed; line {@code i} carries input index {@code i}. Every stream has its own
 * handler thread, so any number can be open at once. {@code GET /stats} answers {@code key=value}
 * pairs about the streams since the previous {@code /stats} (distinct remote ports, requests,
 * streams completed and failed, the most open at once) and starts counting afresh. The server exits
 * when its stdin reaches end of file, that is when the parent closes it or dies.
 */
public final class SlowStreamServer {
  private final byte[][] lines;
  private final long paceMillis;
  private final Set<String> remotes = ConcurrentHashMap.newKeySet();
  private final LongAdder requests = new LongAdder();
  private final LongAdder completed = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger peakOpen = new AtomicInteger();

  private SlowStreamServer(int count, long paceMillis) throws IOException {
    String template = StreamBenchmark.lineTemplate();
    this.lines = new byte[count][];
    for (int i = 0; i < count; i++) {
      String digits = String.format(Locale.ROOT, "%07d", i);
      lines[i] =
          (template.replace(BenchServer.PLACEHOLDER, digits) + "\n")
              .getBytes(StandardCharsets.UTF_8);
    }
    this.paceMillis = paceMillis;
  }

  /**
   * Starts the server, prints its port and serves until stdin ends.
   *
   * @param args the number of lines per stream and the milliseconds before each line
   * @throws Exception if the server cannot start
   */
  public static void main(String[] args) throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    SlowStreamServer handler =
        new SlowStreamServer(Integer.parseInt(args[0]), Long.parseLong(args[1]));
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    ExecutorService executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "slow-stream-server");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/v1/jobs/stream", handler::stream);
    server.createContext("/stats", handler::stats);
    server.start();
    System.out.println("PORT " + server.getAddress().getPort());
    System.out.flush();
    System.in.transferTo(OutputStream.nullOutputStream()); // until the parent closes it
    server.stop(0);
    executor.shutdownNow();
    executor.awaitTermination(1, TimeUnit.SECONDS);
  }

  private void stream(HttpExchange exchange) {
    InetSocketAddress remote = exchange.getRemoteAddress();
    remotes.add(remote.getAddress().getHostAddress() + ":" + remote.getPort());
    requests.increment();
    peakOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
    try (exchange) {
      exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
      exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
      exchange.sendResponseHeaders(200, 0); // 0: chunked
      OutputStream body = exchange.getResponseBody();
      for (byte[] line : lines) {
        Thread.sleep(paceMillis);
        body.write(line);
        body.flush(); // one chunk per line
      }
      body.close();
      completed.increment();
    } catch (IOException e) {
      failed.increment(); // the client hung up
    } catch (InterruptedException e) {
      failed.increment();
      Thread.currentThread().interrupt();
    } finally {
      open.decrementAndGet();
    }
  }

  private void stats(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
      String text =
          String.format(
              Locale.ROOT,
              "connections=%d requests=%d completed=%d failed=%d peakOpen=%d%n",
              remotes.size(),
              requests.sumThenReset(),
              completed.sumThenReset(),
              failed.sumThenReset(),
              peakOpen.getAndSet(open.get()));
      remotes.clear();
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }
}
