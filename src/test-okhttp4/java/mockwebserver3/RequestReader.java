package mockwebserver3;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.Okio;
import okio.Sink;

/**
 * Reads one HTTP/1.1 request: request line, headers, and a body framed by Content-Length or chunked
 * transfer encoding. A read that fails is recorded with its failure, not thrown. Part of the {@code
 * okhttp4} profile's mockwebserver3 stand-in.
 */
final class RequestReader {
  private RequestReader() {}

  /**
   * Reads the next request from {@code source}; {@code dispatcher}'s peek decides whether and how
   * the body is read.
   */
  static RecordedRequest read(
      Socket socket,
      BufferedSource source,
      Dispatcher dispatcher,
      int connectionIndex,
      int exchangeIndex) {
    RequestLine requestLine = RequestLine.DEFAULT;
    Headers.Builder headers = new Headers.Builder();
    Buffer body = new Buffer();
    boolean hasBody = false;
    List<Integer> chunkSizes = null;
    IOException failure = null;
    try {
      String line = source.readUtf8LineStrict();
      if (line.isEmpty()) {
        throw new ProtocolException("no request because the stream is exhausted");
      }
      requestLine = RequestLine.parse(line);
      long contentLength = -1;
      boolean chunked = false;
      for (String header = source.readUtf8LineStrict();
          !header.isEmpty();
          header = source.readUtf8LineStrict()) {
        addLenient(headers, header);
        String lowercase = header.toLowerCase(Locale.US);
        if (contentLength == -1 && lowercase.startsWith("content-length:")) {
          contentLength = Long.parseLong(header.substring(15).trim());
        }
        if (lowercase.startsWith("transfer-encoding:")
            && lowercase.substring(18).trim().equals("chunked")) {
          chunked = true;
        }
      }

      MockResponse peek = dispatcher.peek();
      Sink target = body;
      if (peek.getThrottlePeriodNanos() > 0) {
        target =
            new ThrottledSink(
                socket, target, peek.getThrottleBytesPerPeriod(), peek.getThrottlePeriodNanos());
      }
      try (BufferedSink bodySink = Okio.buffer(target)) {
        if (peek.getDoNotReadRequestBody()) {
          hasBody = false;
        } else if (contentLength != -1) {
          hasBody = contentLength > 0 || permitsRequestBody(requestLine.method());
          bodySink.write(source, contentLength);
        } else if (chunked) {
          chunkSizes = new ArrayList<>();
          hasBody = true;
          for (int size = chunkSize(source); size != 0; size = chunkSize(source)) {
            chunkSizes.add(size);
            bodySink.write(source, size);
            readEmptyLine(source);
          }
          readEmptyLine(source);
        }
      }
      if (hasBody && !permitsRequestBody(requestLine.method())) {
        throw new IllegalArgumentException("Request must not have a body: " + requestLine);
      }
    } catch (IOException e) {
      failure = e;
    }
    Headers received = headers.build();
    long bodySize = body.size();
    return new RecordedRequest(
        connectionIndex,
        exchangeIndex,
        requestLine,
        url(socket, requestLine, received.get("Host")),
        received,
        hasBody ? body.readByteString() : null,
        bodySize,
        chunkSizes,
        failure);
  }

  /**
   * The name before the first colon, the value trimmed, any non-ASCII value kept. A line that is no
   * header at all fails the request.
   */
  private static void addLenient(Headers.Builder headers, String line) throws ProtocolException {
    int colon = line.indexOf(':', 1);
    try {
      if (colon == -1) {
        throw new IllegalArgumentException("no colon");
      }
      headers.addUnsafeNonAscii(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    } catch (IllegalArgumentException e) {
      throw new ProtocolException("unexpected header: " + line);
    }
  }

  private static int chunkSize(BufferedSource source) throws IOException {
    return Integer.parseInt(source.readUtf8LineStrict().trim(), 16);
  }

  private static void readEmptyLine(BufferedSource source) throws IOException {
    String line = source.readUtf8LineStrict();
    if (!line.isEmpty()) {
      throw new IllegalStateException("Expected empty but was: " + line);
    }
  }

  private static boolean permitsRequestBody(String method) {
    return !method.equals("GET") && !method.equals("HEAD");
  }

  /** An absolute target as it is; otherwise the target on the Host header's authority. */
  private static HttpUrl url(Socket socket, RequestLine requestLine, String host) {
    HttpUrl absolute = HttpUrl.parse(requestLine.target());
    if (absolute != null) {
      return absolute;
    }
    String authority = host;
    if (authority == null) {
      InetAddress local = socket.getLocalAddress();
      String address = local.getHostAddress();
      authority =
          (local instanceof Inet6Address ? "[" + address + "]" : address)
              + ":"
              + socket.getLocalPort();
    }
    String path =
        requestLine.method().equals("OPTIONS") && requestLine.target().equals("*")
            ? "/"
            : requestLine.target();
    return HttpUrl.get("http://" + authority + path);
  }
}
