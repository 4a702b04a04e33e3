package ai.clavata.sdk.internal.ndjson;

import java.io.IOException;
import okio.BufferedSource;

/**
 * Splits a newline-delimited body into lines as bytes arrive, without buffering more than the
 * current line. Lines end with LF or CRLF; blank lines are skipped; a last line without a newline
 * is returned and marked unterminated, so the caller can tell a clean end from a cut.
 */
public final class LineReader {
  /** No legitimate line is this long; a longer one means a broken or hostile server. */
  public static final long MAX_LINE_BYTES = 256L * 1024 * 1024;

  private final BufferedSource source;
  private long lineNumber;

  /** Reads lines from {@code source}. */
  public LineReader(BufferedSource source) {
    this.source = source;
  }

  /** One non-blank line, without its line terminator. */
  public record Line(long number, byte[] bytes, int length, boolean terminated) {}

  /**
   * The next non-blank line, blocking until it is complete.
   *
   * @return the line, or {@code null} at the end of the body
   * @throws LineTooLongException if a line exceeds {@link #MAX_LINE_BYTES}
   */
  public Line next() throws IOException {
    while (true) {
      long newline = source.indexOf((byte) '\n', 0, MAX_LINE_BYTES);
      byte[] bytes;
      boolean terminated;
      if (newline >= 0) {
        bytes = source.readByteArray(newline);
        source.skip(1);
        terminated = true;
      } else if (source.getBuffer().size() >= MAX_LINE_BYTES) {
        throw new LineTooLongException(lineNumber + 1);
      } else if (source.exhausted()) {
        return null;
      } else {
        bytes = source.readByteArray();
        terminated = false;
      }
      lineNumber++;
      int length = bytes.length;
      if (length > 0 && bytes[length - 1] == '\r') {
        length--;
      }
      if (!isBlank(bytes, length)) {
        return new Line(lineNumber, bytes, length, terminated);
      }
      if (!terminated) {
        return null;
      }
    }
  }

  private static boolean isBlank(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /** A line longer than {@link #MAX_LINE_BYTES}. */
  public static final class LineTooLongException extends IOException {
    private static final long serialVersionUID = 1L;

    LineTooLongException(long lineNumber) {
      super("line " + lineNumber + " is longer than " + MAX_LINE_BYTES + " bytes");
    }
  }
}
