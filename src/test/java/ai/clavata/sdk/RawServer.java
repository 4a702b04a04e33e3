package ai.clavata.sdk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP/1.1 server on loopback that answers each connection's first request with scripted bytes
 * and then ends the connection exactly as told: a clean close, a reset, or a stall. For failures at
 * byte level that MockWebServer cannot produce, such as a reset in the middle of a line.
 */
public final class RawServer implements AutoCloseable {
  /** How a connection ends after its bytes are written. */
  public enum End {
    /** A clean close (FIN). */
    CLOSE,
    /** A TCP reset (RST). */
    RESET,
    /** Nothing more: the connection stays open and silent until the server closes. */
    STALL
  }

  /** What to answer: bytes written and flushed piece by piece, then the end. */
  public record Script(List<byte[]> pieces, End end) {}

  private final ServerSocket socket;
  private final BlockingQueue<Script> scripts = new LinkedBlockingQueue<>();
  private final List<String> requestLines = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread acceptor;

  private RawServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptLoop, "raw-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A started server. */
  public static RawServer start() {
    try {
      return new RawServer();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The URL of {@code path} on this server. */
  public String url(String path) {
    return "http://127.0.0.1:" + socket.getLocalPort() + path;
  }

  /** Answers the next connection with {@code pieces}, then ends it with {@code end}. */
  public void enqueue(End end, String... pieces) {
    scripts.add(
        new Script(
            Arrays.stream(pieces).map(p -> p.getBytes(StandardCharsets.UTF_8)).toList(), end));
  }

  /** The request lines received, such as {@code "GET /v1/jobs HTTP/1.1"}, in order. */
  public List<String> requestLines() {
    return List.copyOf(requestLines);
  }

  /** The head of a 200 response with a chunked body of {@code contentType}. */
  public static String chunkedHead(String contentType) {
    return "HTTP/1.1 200 OK\r\nContent-Type: "
        + contentType
        + "\r\nTransfer-Encoding: chunked\r\n\r\n";
  }

  /** The head of a 200 response that announces {@code contentLength} bytes. */
  public static String head(String contentType, long contentLength) {
    return "HTTP/1.1 200 OK\r\nContent-Type: "
        + contentType
        + "\r\nContent-Length: "
        + contentLength
        + "\r\n\r\n";
  }

  /** {@code data} as one chunk of a chunked body. */
  public static String chunk(String data) {
    return Integer.toHexString(data.getBytes(StandardCharsets.UTF_8).length)
        + "\r\n"
        + data
        + "\r\n";
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        open.add(connection);
        Thread handler = new Thread(() -> handle(connection), "raw-server-connection");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException closing) {
        return;
      }
    }
  }

  private void handle(Socket connection) {
    try {
      readRequest(connection.getInputStream());
      Script script = scripts.poll(10, TimeUnit.SECONDS);
      if (script == null) {
        connection.close();
        return;
      }
      OutputStream out = connection.getOutputStream();
      for (byte[] piece : script.pieces()) {
        out.write(piece);
        out.flush();
      }
      switch (script.end()) {
        case CLOSE -> connection.close();
        case RESET -> {
          connection.setSoLinger(true, 0);
          connection.close();
        }
        case STALL -> closed.await();
      }
    } catch (IOException | InterruptedException e) {
      // The client went away, or the server is closing: nothing to answer.
    }
  }

  private void readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the client closed before the request ended");
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    requestLines.add(lines[0]);
    long length = 0;
    for (String line : lines) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Long.parseLong(line.substring("content-length:".length()).trim());
      }
    }
    in.readNBytes((int) length);
  }

  @Override
  public void close() {
    closed.countDown();
    try {
      socket.close();
      for (Socket connection : open) {
        connection.close();
      }
    } catch (IOException ignored) {
      // Closing anyway.
    }
  }
}
