package ai.clavata.sdk.internal.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

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
 *   <li>trailing garbage after the JSON value is an error, so a mangled body cannot pass.
 * </ul>
 *
 * <p>It is thread-safe and shared: building a mapper is expensive, using one is cheap.
 */
public final class Json {
  /** The shared mapper. */
  public static final ObjectMapper MAPPER = create();

  private Json() {}

  private static ObjectMapper create() {
    return JsonMapper.builder()
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
