package mockwebserver3;

import java.net.ProtocolException;

/**
 * The three parts of an HTTP/1.1 request line. Part of the {@code okhttp4} profile's mockwebserver3
 * stand-in.
 */
record RequestLine(String method, String target, String version) {
  /** What a request that failed before its request line is recorded as. */
  static final RequestLine DEFAULT = new RequestLine("GET", "/", "HTTP/1.1");

  static RequestLine parse(String line) throws ProtocolException {
    String[] parts = line.split(" ", 3);
    if (parts.length != 3) {
      throw new ProtocolException("unexpected request line: " + line);
    }
    return new RequestLine(parts[0], parts[1], parts[2]);
  }
}
