package ai.clavata.sdk.internal.ndjson;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import okio.Okio;
import okio.Source;

/**
 * Reads newline-delimited JSON values one at a time with a single long-lived parser over the
 * socket: each value is returned as soon as its last byte has arrived, nothing beyond the parser's
 * small buffer is held, and no per-line copies or parsers are made. CRLF and blank lines are plain
 * whitespace to the parser.
 *
 * <p>A body that is not JSON, or that ends inside a value, is a {@link MalformedLineException}
 * carrying the line number and an excerpt of the line; I/O failures are thrown as they are.
 *
 * @param <T> the type each line is read as
 */
public final class NdjsonReader<T> {
  private final ObjectReader reader;
  private final RecordingSource recording;
  private JsonParser parser;

  /** One value and the line it starts on. */
  public record Value<T>(long line, T value) {}

  /**
   * Reads {@code source} with {@code reader}, which must be configured for {@code T}. Nothing is
   * read until {@link #next()} is called.
   */
  public NdjsonReader(Source source, ObjectReader reader) {
    // Values follow each other in one body, so what comes after a value is not "trailing".
    this.reader = reader.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.recording = new RecordingSource(source);
  }

  /**
   * The parser, created on first use: creating it reads the first bytes to detect the encoding,
   * which must not block the caller before it asks for a value.
   */
  private JsonParser parser() throws IOException {
    if (parser == null) {
      parser = reader.createParser(Okio.buffer(recording).inputStream());
    }
    return parser;
  }

  /**
   * The next value, blocking until it is complete.
   *
   * @return the value (which is {@code null} for a line holding JSON {@code null}), or
   *     {@code null} at the end of the body
   * @throws MalformedLineException if the body is not NDJSON at this point
   */
  public Value<T> next() throws IOException {
    try {
      JsonParser parser = parser();
      JsonToken token = parser.nextToken();
      if (token == null) {
        return null;
      }
      long line = parser.currentTokenLocation().getLineNr();
      return new Value<>(line, reader.readValue(parser));
    } catch (JacksonException malformed) {
      throw malformed(malformed);
    }
  }

  /** An excerpt of the line the last value came from, for errors about its content. */
  public String lastValueExcerpt() {
    long end = parser == null ? 0 : parser.currentLocation().getByteOffset() - 1;
    return recording.excerptAround(Math.max(0, end));
  }

  private MalformedLineException malformed(JacksonException cause) {
    JsonLocation location = cause.getLocation();
    if (location == null) {
      location = parser.currentLocation();
    }
    String problem =
        causedBy(cause, JsonEOFException.class)
            ? "the body ends in the middle of this line (the connection was cut)"
            : causedBy(cause, StreamReadException.class)
                ? "it is not valid JSON"
                : "it is not a result line";
    return new MalformedLineException(
        problem, location.getLineNr(), recording.excerptAround(location.getByteOffset()), cause);
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** A line that is not valid NDJSON for the expected type. */
  public static final class MalformedLineException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long line;
    private final String excerpt;

    MalformedLineException(String problem, long line, String excerpt, Throwable cause) {
      super(problem, cause);
      this.line = line;
      this.excerpt = excerpt;
    }

    /** The 1-based line number. */
    public long line() {
      return line;
    }

    /** A bounded excerpt of the line. */
    public String excerpt() {
      return excerpt;
    }
  }
}
