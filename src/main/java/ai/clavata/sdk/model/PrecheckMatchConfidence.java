package ai.clavata.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How closely refused content matched a known item; set on CSAM prechecks.
 *
 * <p>On the wire each value carries the prefix {@code PRECHECK_MATCH_CONFIDENCE_}; the Java names
 * drop it. A value this SDK does not know reads as {@link #UNRECOGNIZED}, never as an exception.
 */
public enum PrecheckMatchConfidence {
  /** Not a match-based refusal, or an older server. */
  UNSPECIFIED,
  /** An exact hash match; the service may enforce automatically. */
  EXACT,
  /** A close perceptual match. */
  HIGH,
  /** A moderate perceptual match. */
  MEDIUM,
  /** A distant perceptual match; human review is recommended. */
  LOW,
  /** A value sent by a newer server that this SDK version does not know. */
  UNRECOGNIZED;

  private static final WireEnum<PrecheckMatchConfidence> WIRE =
      new WireEnum<>(PrecheckMatchConfidence.class, "PRECHECK_MATCH_CONFIDENCE_");

  /**
   * Reads a wire value: the full name ("PRECHECK_MATCH_CONFIDENCE_EXACT"), the short name or the
   * number.
   *
   * @param value the wire value; {@code null} or empty reads as {@link #UNSPECIFIED}
   * @return the constant, or {@link #UNRECOGNIZED} for an unknown value
   */
  @JsonCreator
  public static PrecheckMatchConfidence fromWire(String value) {
    return WIRE.parse(value);
  }

  /**
   * The name the API uses for this value, such as {@code PRECHECK_MATCH_CONFIDENCE_EXACT}.
   *
   * @return the wire name; {@code "UNRECOGNIZED"} for {@link #UNRECOGNIZED}, which no server
   *     accepts
   */
  @JsonValue
  public String wireName() {
    return WIRE.wireName(this);
  }
}
