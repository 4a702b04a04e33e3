package ai.clavata.sdk.internal.ndjson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Source;

/**
 * Passes bytes through while remembering the last {@value #KEEP} of them, so that an error found by
 * a parser reading ahead (at most about 16 KB: okio's buffer and Jackson's) can still show the
 * offending line, and while counting them, so that one line cannot grow past its limit.
 *
 * <p>The bytes are copied, packed into the buffer's own segments, not shared with the sink: a slow
 * stream delivers each line in a read of its own, and sharing would keep a whole 8 KiB segment
 * alive for every kilobyte line, a few hundred KB per stream; packed, a stream keeps at most
 * {@value #KEEP} bytes plus one segment.
 */
final class RecordingSource extends ForwardingSource {
  static final int KEEP = 24 * 1024;
  private static final int EXCERPT_BYTES = 200;

  private final Buffer recent = new Buffer();
  private final long maxLineBytes;
  private long recentStart;
  private long position;
  private long lineStart;

  RecordingSource(Source delegate, long maxLineBytes) {
    super(delegate);
    this.maxLineBytes = maxLineBytes;
  }

  /** Starts counting a new line at byte {@code offset} of the stream. */
  void startLine(long offset) {
    lineStart = offset;
  }

  @Override
  public long read(Buffer sink, long byteCount) throws IOException {
    long read = super.read(sink, byteCount);
    if (read > 0) {
      position += read;
      if (position - lineStart > maxLineBytes) {
        throw new LineTooLongException(maxLineBytes);
      }
      sink.copyTo(recent.outputStream(), sink.size() - read, read);
      long excess = recent.size() - KEEP;
      if (excess > 0) {
        recent.skip(excess);
        recentStart += excess;
      }
    }
    return read;
  }

  /**
   * The line around byte {@code offset} of the stream, at most {@value #EXCERPT_BYTES} bytes of it,
   * or what is left of it if it is no longer remembered.
   */
  String excerptAround(long offset) {
    byte[] bytes = recent.snapshot().toByteArray();
    int at = (int) Math.max(0, Math.min(bytes.length, offset - recentStart));
    int start = at;
    while (start > 0 && bytes[start - 1] != '\n' && at - start < EXCERPT_BYTES) {
      start--;
    }
    int end = at;
    while (end < bytes.length && bytes[end] != '\n' && end - start < EXCERPT_BYTES) {
      end++;
    }
    if (end > start && bytes[end - 1] == '\r') {
      end--;
    }
    String excerpt = new String(bytes, start, end - start, StandardCharsets.UTF_8);
    return end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r' ? excerpt + "…" : excerpt;
  }
}
