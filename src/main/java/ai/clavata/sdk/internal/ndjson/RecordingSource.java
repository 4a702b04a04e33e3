package ai.clavata.sdk.internal.ndjson;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Source;

/**
 * Passes bytes through while remembering those from a little before the current line's start to the
 * last byte read, so that an error found by a parser reading ahead (at most about 16 KB: okio's
 * buffer and Jackson's) can still show the offending line, and while counting them, so that one
 * line cannot grow past its limit.
 *
 * <p>The bytes are copied into one array that grows to what the current line and the read-ahead
 * need and drops what is older: a slow stream, whose lines arrive one read at a time, keeps about
 * one line, not a buffer segment per line.
 */
final class RecordingSource extends ForwardingSource {
  private static final int EXCERPT_BYTES = 200;
  private static final int INITIAL_CAPACITY = 2048;

  private final long maxLineBytes;
  private byte[] kept = new byte[0];
  private int keptLength;
  private long keptStart;
  private long position;
  private long lineStart;

  /** Appends what the sink copies to {@link #kept}, which {@link #makeRoom} made large enough. */
  private final OutputStream appender =
      new OutputStream() {
        @Override
        public void write(int b) {
          kept[keptLength++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
          System.arraycopy(bytes, offset, kept, keptLength, length);
          keptLength += length;
        }
      };

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
      makeRoom(Math.toIntExact(read));
      sink.copyTo(appender, sink.size() - read, read);
    }
    return read;
  }

  /**
   * Drops what no excerpt can ask for any more, then grows the array if {@code n} still won't fit.
   */
  private void makeRoom(int n) {
    if (keptLength + n <= kept.length) {
      return;
    }
    long keepFrom = Math.max(keptStart, lineStart - EXCERPT_BYTES - 1);
    int drop = (int) Math.min(keptLength, keepFrom - keptStart);
    if (drop > 0) {
      System.arraycopy(kept, drop, kept, 0, keptLength - drop);
      keptLength -= drop;
      keptStart += drop;
    }
    if (keptLength + n > kept.length) {
      int capacity = Math.max(INITIAL_CAPACITY, kept.length);
      while (capacity < keptLength + n) {
        capacity *= 2;
      }
      kept = Arrays.copyOf(kept, capacity);
    }
  }

  /** How many bytes the remembered array holds room for, for tests of its bound. */
  int capacity() {
    return kept.length;
  }

  /**
   * The line around byte {@code offset} of the stream, at most {@value #EXCERPT_BYTES} bytes of it,
   * or what is left of it if it is no longer remembered.
   */
  String excerptAround(long offset) {
    int at = (int) Math.max(0, Math.min(keptLength, offset - keptStart));
    int start = at;
    while (start > 0 && kept[start - 1] != '\n' && at - start < EXCERPT_BYTES) {
      start--;
    }
    int end = at;
    while (end < keptLength && kept[end] != '\n' && end - start < EXCERPT_BYTES) {
      end++;
    }
    if (end > start && kept[end - 1] == '\r') {
      end--;
    }
    String excerpt = new String(kept, start, end - start, StandardCharsets.UTF_8);
    return end < keptLength && kept[end] != '\n' && kept[end] != '\r' ? excerpt + "…" : excerpt;
  }
}
