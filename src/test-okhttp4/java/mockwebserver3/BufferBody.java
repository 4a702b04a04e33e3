package mockwebserver3;

import java.io.IOException;
import okio.Buffer;
import okio.BufferedSink;

/**
 * The body of {@code body(String)} and {@code body(Buffer)}: a private copy of the bytes, so that
 * one response can be served many times. Part of the {@code okhttp4} profile's mockwebserver3
 * stand-in.
 */
final class BufferBody implements MockResponseBody {
  private final Buffer bytes;

  BufferBody(Buffer bytes) {
    this.bytes = bytes.clone();
  }

  @Override
  public long getContentLength() {
    return bytes.size();
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    bytes.copyTo(sink.getBuffer(), 0, bytes.size());
    sink.emitCompleteSegments();
  }
}
