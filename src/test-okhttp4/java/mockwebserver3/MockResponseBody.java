package mockwebserver3;

import java.io.IOException;
import okio.BufferedSink;

/**
 * A response body that writes itself to the socket: mockwebserver3's interface, in the stand-in
 * that the {@code okhttp4} profile compiles instead of mockwebserver3 5.x (which needs OkHttp 5).
 */
public interface MockResponseBody {
  /** The length written to the Content-Length header; -1 when unknown. */
  long getContentLength();

  /** Writes the body; the server flushes what is left after this returns. */
  void writeTo(BufferedSink sink) throws IOException;
}
