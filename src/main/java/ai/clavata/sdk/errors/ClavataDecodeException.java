package ai.clavata.sdk.errors;

/**
 * A response could not be read: it was not JSON, was cut short, or lacked what it must carry. The
 * message says what was being read, where, and shows a bounded excerpt of the offending text.
 */
public class ClavataDecodeException extends ClavataException {
  /** The 1-based line of a line-delimited body, or 0. */
  private final long lineNumber;

  /** A bounded excerpt of the offending text. */
  private final String excerpt;

  /**
   * Creates the exception.
   *
   * @param what what was being read, such as "the response of GET /v1/jobs/{jobUuid}"
   * @param lineNumber the 1-based line of a line-delimited body, or 0 when not applicable
   * @param excerpt a bounded excerpt of the offending text
   * @param cause the parser's error, or {@code null}
   */
  public ClavataDecodeException(String what, long lineNumber, String excerpt, Throwable cause) {
    super(describe(what, lineNumber, excerpt, cause), cause);
    this.lineNumber = lineNumber;
    this.excerpt = excerpt == null ? "" : excerpt;
  }

  /**
   * Where in a line-delimited body the problem is.
   *
   * @return the 1-based line number, or 0 when not applicable
   */
  public long lineNumber() {
    return lineNumber;
  }

  /**
   * A bounded excerpt of the text that could not be read.
   *
   * @return the excerpt; never {@code null}
   */
  public String excerpt() {
    return excerpt;
  }

  private static String describe(String what, long lineNumber, String excerpt, Throwable cause) {
    StringBuilder out = new StringBuilder("Could not read ").append(what);
    if (lineNumber > 0) {
      out.append(" at line ").append(lineNumber);
    }
    if (cause != null && cause.getMessage() != null) {
      String reason = cause.getMessage();
      int newline = reason.indexOf('\n');
      out.append(": ").append(newline < 0 ? reason : reason.substring(0, newline));
    }
    if (excerpt != null && !excerpt.isEmpty()) {
      out.append(". Excerpt: ").append(excerpt);
    }
    return out.toString();
  }
}
