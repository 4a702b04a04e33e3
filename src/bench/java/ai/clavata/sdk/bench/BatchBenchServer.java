package ai.clavata.sdk.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback stand-in for the storage host of batch files, on the JDK's {@link HttpServer}, built
 * to stay out of the way of the client being measured.
 *
 * <ul>
 *   <li>{@code PUT /upload}: reads and discards the body, counts its bytes in {@link #putBytes},
 *       answers 200 with no body.
 *   <li>{@code GET /results/{count}}: a results CSV of {@code count} rows after the header, with a
 *       {@code Content-Length}. Row {@code i} is the pre-encoded template {@code i % templates},
 *       whose 7-digit {@link #PLACEHOLDER} is patched with {@code i}; rows are copied into a 64 KiB
 *       buffer and written in big blocks, so the server does a few {@code arraycopy}s per row and
 *       no CSV or JSON encoding.
 * </ul>
 */
final class BatchBenchServer implements AutoCloseable {
  static final String PLACEHOLDER = "#######";
  private static final int BLOCK = 64 * 1024;

  private final HttpServer server;
  private final ExecutorService executor;
  private final byte[] header;
  private final byte[][] rows;
  private final int[] slots;

  /** The body size of the last PUT. */
  final AtomicLong putBytes = new AtomicLong();

  /**
   * @param header the results file's header line, line end included
   * @param rowTemplates the rows, line ends included, each with one {@link #PLACEHOLDER} before any
   *     non-ASCII character
   */
  BatchBenchServer(String header, List<String> rowTemplates) throws IOException {
    this.header = header.getBytes(StandardCharsets.UTF_8);
    this.rows = new byte[rowTemplates.size()][];
    this.slots = new int[rowTemplates.size()];
    for (int i = 0; i < rows.length; i++) {
      String row = rowTemplates.get(i);
      rows[i] = row.getBytes(StandardCharsets.UTF_8);
      slots[i] = row.indexOf(PLACEHOLDER);
      if (slots[i] < 0 || !row.substring(0, slots[i]).chars().allMatch(c -> c < 0x80)) {
        throw new IllegalArgumentException("bad template: " + row);
      }
    }
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "batch-bench-server");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/upload", this::upload);
    server.createContext("/results/", this::results);
    server.start();
  }

  /** The presigned-upload stand-in. */
  String uploadUrl() {
    return base() + "upload?X-Amz-Signature=bench";
  }

  /** The results-file stand-in with {@code count} rows. */
  String resultsUrl(int count) {
    return base() + "results/" + count + "?X-Amz-Signature=bench";
  }

  /** The size of the results file of {@code count} rows, header included. */
  long resultsBytes(int count) {
    long bytes = header.length;
    for (int i = 0; i < rows.length; i++) {
      long times = count / rows.length + (i < count % rows.length ? 1 : 0);
      bytes += times * rows[i].length;
    }
    return bytes;
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private void upload(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] buffer = new byte[BLOCK];
      long bytes = 0;
      InputStream in = exchange.getRequestBody();
      for (int n; (n = in.read(buffer)) > 0; ) {
        bytes += n;
      }
      putBytes.set(bytes);
      exchange.sendResponseHeaders(200, -1);
    } catch (IOException e) {
      // The client hung up; nothing to do.
    }
  }

  private void results(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
      String path = exchange.getRequestURI().getPath();
      int count = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
      exchange.getResponseHeaders().set("Content-Type", "text/csv");
      exchange.sendResponseHeaders(200, resultsBytes(count));
      OutputStream body = exchange.getResponseBody();
      byte[] block = new byte[BLOCK];
      System.arraycopy(header, 0, block, 0, header.length);
      int used = header.length;
      for (int i = 0; i < count; i++) {
        byte[] row = rows[i % rows.length];
        if (used + row.length > block.length) {
          body.write(block, 0, used);
          used = 0;
        }
        System.arraycopy(row, 0, block, used, row.length);
        int value = i;
        int slot = used + slots[i % rows.length];
        for (int d = slot + PLACEHOLDER.length() - 1; d >= slot; d--) {
          block[d] = (byte) ('0' + value % 10);
          value /= 10;
        }
        used += row.length;
      }
      body.write(block, 0, used);
      body.close();
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
