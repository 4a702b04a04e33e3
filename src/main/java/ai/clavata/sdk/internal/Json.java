package ai.clavata.sdk.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The one {@link ObjectMapper} of the SDK, configured to read whatever a grpc-gateway writes:
 *
 * <ul>
 *   <li>unknown properties are ignored (newer servers add fields);
 *   <li>unknown enum values become {@code UNRECOGNIZED} (each model enum's {@code fromWire});
 *   <li>numbers may arrive as strings ({@code "12"}, {@code "NaN"}), as protojson writes 64-bit
 *       integers and special floats;
 *   <li>{@code null} or absent lists and maps read as empty (the model records normalize them);
 *   <li>timestamps read as {@link java.time.Instant} with 0 to 9 fraction digits and any offset;
 *   <li>trailing garbage after the JSON value is an error, so a mangled body cannot pass;
 *   <li>a string value longer than {@value #MAX_STRING_CHARS} chars is an error.
 * </ul>
 *
 * <p>It is thread-safe and shared: building a mapper is expensive, using one is cheap.
 */
public final class Json {
  /**
   * The longest string value read, in chars: far above any id, hash or message the API sends, and
   * low enough that one string cannot take most of a small heap (Jackson's own default allows 20
   * million).
   */
  static final int MAX_STRING_CHARS = 4_000_000;

  /** The shared mapper. */
  public static final ObjectMapper MAPPER = create();

  private static final ClassValue<ObjectReader> READERS =
      new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
          return MAPPER.readerFor(type);
        }
      };

  /** The reader for {@code type}, made once per type (a reader resolves its deserializer once). */
  public static ObjectReader reader(Class<?> type) {
    return READERS.get(type);
  }

  private Json() {}

  /**
   * The I/O failure behind a parser's exception, or {@code null} when the input really was
   * malformed. Jackson wraps a socket's failure (a timeout, a reset) in a mapping exception when it
   * happens inside an array or object, which is most of a response; such a failure is a network
   * problem, not bad JSON.
   *
   * @param failure what the parser threw
   * @return the underlying I/O failure, or {@code null}
   */
  public static IOException ioCause(JacksonException failure) {
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException io && !(cause instanceof JacksonException)) {
        return io;
      }
      if (cause == cause.getCause()) {
        break;
      }
    }
    return null;
  }

  private static ObjectMapper create() {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(MAX_STRING_CHARS).build())
            .build();
    return JsonMapper.builder(factory)
        .addModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();
  }
}
