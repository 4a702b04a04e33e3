package ai.clavata.sdk.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A loopback NDJSON server on the JDK's {@link HttpServer}, built to stay out of the way of the
 * client being measured.
 *
 * <p>Every request path is {@code /{mode}/{count}/v1/jobs/stream}; the request body is read and
 * discarded. The response is chunked ({@code Transfer-Encoding: chunked}) and carries {@code count}
 * result lines, all of the same length, made from one pre-encoded template whose 7-digit slots (the
 * input index and the content hashes) are patched with the line's number. The lines are copied into
 * a 64 KiB buffer and written in big blocks, so the server spends a few {@code arraycopy}s per line
 * and no JSON encoding.
 *
 * <ul>
 *   <li>{@code bulk}: writes all lines as fast as the socket takes them.
 *   <li>{@code hold}: writes and flushes line 0, records {@link System#nanoTime()} in {@link
 *       #firstFlushed}, then withholds the other lines until {@link #release()} (or 10 s).
 * </ul>
 */
final class BenchServer implements AutoCloseable {
  static final String PLACEHOLDER = "#######";
  private static final int BLOCK = 64 * 1024;

  private final HttpServer server;
  private final ExecutorService executor;
  private final byte[] template;
  private final int[] slots;

  /** The nanoTime right after the first line of each {@code hold} response was flushed. */
  final BlockingQueue<Long> firstFlushed = new LinkedBlockingQueue<>();

  private volatile CountDownLatch hold = new CountDownLatch(0);

  BenchServer(String lineTemplate) throws IOException {
    this.template = (lineTemplate + "\n").getBytes(StandardCharsets.UTF_8);
    List<Integer> found = new ArrayList<>();
    for (int at = lineTemplate.indexOf(PLACEHOLDER);
        at >= 0;
        at = lineTemplate.indexOf(PLACEHOLDER, at + 1)) {
      found.add(at); // the template is ASCII, so char and byte offsets agree
    }
    this.slots = found.stream().mapToInt(Integer::intValue).toArray();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "bench-server");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The length of one line, its newline included. */
  int lineBytes() {
    return template.length;
  }

  /** {@code http://127.0.0.1:port/mode/count/}: the base URL for a client. */
  String baseUrl(String mode, int count) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + mode + "/" + count + "/";
  }

  /** Arms the next {@code hold} response: its rest waits until {@link #release()}. */
  void arm() {
    hold = new CountDownLatch(1);
  }

  /** Lets the armed {@code hold} response send the rest of its lines. */
  void release() {
    hold.countDown();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
      String[] path = exchange.getRequestURI().getPath().split("/");
      String mode = path[1];
      int count = Integer.parseInt(path[2]);
      exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
      exchange.sendResponseHeaders(200, 0); // 0: chunked
      OutputStream body = exchange.getResponseBody();
      byte[] block = new byte[BLOCK];
      int first = 0;
      if (mode.equals("hold")) {
        CountDownLatch latch = hold;
        int n = put(block, 0, 0);
        body.write(block, 0, n);
        body.flush();
        firstFlushed.add(System.nanoTime());
        try {
          latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        first = 1;
      }
      int used = 0;
      for (int i = first; i < count; i++) {
        if (used + template.length > block.length) {
          body.write(block, 0, used);
          used = 0;
        }
        used = put(block, used, i);
      }
      body.write(block, 0, used);
      body.close();
    } catch (IOException e) {
      // The client hung up (for example a cancelled stream); nothing to do.
    }
  }

  /** Copies line {@code index} into {@code block} at {@code at}; returns the end offset. */
  private int put(byte[] block, int at, int index) {
    System.arraycopy(template, 0, block, at, template.length);
    for (int slot : slots) {
      int value = index;
      for (int d = slot + PLACEHOLDER.length() - 1; d >= slot; d--) {
        block[at + d] = (byte) ('0' + value % 10);
        value /= 10;
      }
    }
    return at + template.length;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
