package ai.clavata.sdk.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a protobuf enum's JSON form to a Java enum whose constants drop the wire prefix ({@code
 * JOB_STATUS_COMPLETED} is {@code JobStatus.COMPLETED}).
 *
 * <p>The gateway writes enum names; protojson also accepts numbers, so both are read. The Java
 * constants are declared in wire-number order with {@code UNRECOGNIZED} last, so a constant's
 * ordinal is its wire number. Anything unknown becomes {@code UNRECOGNIZED}, never an exception; an
 * absent value is the zero constant, as in proto3.
 */
final class WireEnum<E extends Enum<E>> {
  private final String prefix;
  private final E unspecified;
  private final E unrecognized;
  private final E[] byNumber;
  private final Map<String, E> byName = new HashMap<>();

  WireEnum(Class<E> type, String prefix) {
    this.prefix = prefix;
    E[] constants = type.getEnumConstants();
    this.unspecified = constants[0];
    this.unrecognized = Enum.valueOf(type, "UNRECOGNIZED");
    this.byNumber = constants;
    for (E constant : constants) {
      if (constant != unrecognized) {
        byName.put(prefix + constant.name(), constant);
        byName.put(constant.name(), constant);
      }
    }
  }

  /** Reads a wire value: a full name, a name without prefix, or a number. */
  E parse(String value) {
    if (value == null || value.isEmpty()) {
      return unspecified;
    }
    E named = byName.get(value);
    if (named == null) {
      named = byName.get(value.trim().toUpperCase(Locale.ROOT));
    }
    if (named != null) {
      return named;
    }
    try {
      int number = Integer.parseInt(value.trim());
      return number >= 0 && number < byNumber.length && byNumber[number] != unrecognized
          ? byNumber[number]
          : unrecognized;
    } catch (NumberFormatException notANumber) {
      return unrecognized;
    }
  }

  /**
   * The wire name of a constant. {@code UNRECOGNIZED} has none; it is written as its bare name,
   * which no server accepts, and request builders refuse it before sending.
   */
  String wireName(E constant) {
    return constant == unrecognized ? constant.name() : prefix + constant.name();
  }
}
