package ai.clavata.sdk.internal.ndjson;

import ai.clavata.sdk.internal.Json;
import ai.clavata.sdk.internal.Sizes;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
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
 * <p>A body that is not JSON, that ends inside a value, or whose line grows past the limit is a
 * {@link MalformedLineException} carrying the line number and an excerpt of the line. I/O failures
 * are thrown as they are, also when the parser wrapped them (see {@link Json#ioCause}), so that a
 * timeout in the middle of a line is a timeout, not "malformed".
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
   *
   * @param source the body
   * @param reader reads one value
   * @param maxLineBytes the longest line accepted, give or take the parser's read-ahead (16 KB)
   */
  public NdjsonReader(Source source, ObjectReader reader, long maxLineBytes) {
    // Values follow each other in one body, so what comes after a value is not "trailing".
    this.reader = reader.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.recording = new RecordingSource(source, maxLineBytes);
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
   * @return the value (which is {@code null} for a line holding JSON {@code null}), or {@code null}
   *     at the end of the body
   * @throws MalformedLineException if the body is not NDJSON at this point
   */
  public Value<T> next() throws IOException {
    try {
      JsonParser parser = parser();
      recording.startLine(parser.currentLocation().getByteOffset());
      JsonToken token = parser.nextToken();
      if (token == null) {
        return null;
      }
      long line = parser.currentTokenLocation().getLineNr();
      return new Value<>(line, reader.readValue(parser));
    } catch (LineTooLongException tooLong) {
      throw tooLong(tooLong);
    } catch (JacksonException malformed) {
      IOException io = Json.ioCause(malformed);
      if (io instanceof LineTooLongException tooLong) {
        throw tooLong(tooLong);
      }
      if (io != null) {
        throw io;
      }
      throw malformed(malformed);
    }
  }

  private MalformedLineException tooLong(LineTooLongException cause) {
    JsonLocation location = parser.currentLocation();
    return new MalformedLineException(
        "the line is longer than the " + Sizes.describe(cause.limit) + " limit",
        location.getLineNr(),
        recording.excerptAround(location.getByteOffset()),
        null,
        true);
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
            : causedBy(cause, StreamConstraintsException.class)
                ? "it holds a value beyond the parser's limits"
                : causedBy(cause, StreamReadException.class)
                    ? "it is not valid JSON"
                    : "it is not a result line";
    return new MalformedLineException(
        problem,
        location.getLineNr(),
        recording.excerptAround(location.getByteOffset()),
        cause,
        false);
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
    private final boolean tooLong;

    MalformedLineException(
        String problem, long line, String excerpt, Throwable cause, boolean tooLong) {
      super(problem, cause);
      this.line = line;
      this.excerpt = excerpt;
      this.tooLong = tooLong;
    }

    /** Whether the line was cut off at the size limit rather than malformed. */
    public boolean tooLong() {
      return tooLong;
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
