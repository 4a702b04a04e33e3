package ai.clavata.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why the service refused content before evaluating it.
 *
 * <p>On the wire each value carries the prefix {@code PRECHECK_FAILURE_TYPE_}; the Java names drop
 * it. A value this SDK does not know reads as {@link #UNRECOGNIZED}, never as an exception.
 */
public enum PrecheckFailureType {
  /** No reason was given. */
  UNSPECIFIED,
  /** The content's hash matched the NCMEC database of known child sexual abuse material. */
  NCMEC,
  /** The image format is not supported (webp, png and jpg are). */
  UNSUPPORTED_IMAGE_FORMAT,
  /** The image is invalid or corrupt. */
  INVALID_IMAGE,
  /** A value sent by a newer server that this SDK version does not know. */
  UNRECOGNIZED;

  private static final WireEnum<PrecheckFailureType> WIRE =
      new WireEnum<>(PrecheckFailureType.class, "PRECHECK_FAILURE_TYPE_");

  /**
   * Reads a wire value: the full name ("PRECHECK_FAILURE_TYPE_NCMEC"), the short name or the
   * number.
   *
   * @param value the wire value; {@code null} or empty reads as {@link #UNSPECIFIED}
   * @return the constant, or {@link #UNRECOGNIZED} for an unknown value
   */
  @JsonCreator
  public static PrecheckFailureType fromWire(String value) {
    return WIRE.parse(value);
  }

  /**
   * The name the API uses for this value, such as {@code PRECHECK_FAILURE_TYPE_NCMEC}.
   *
   * @return the wire name; {@code "UNRECOGNIZED"} for {@link #UNRECOGNIZED}, which no server
   *     accepts
   */
  @JsonValue
  public String wireName() {
    return WIRE.wireName(this);
  }
}
