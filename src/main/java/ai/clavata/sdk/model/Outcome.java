package ai.clavata.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether content matched a policy, a label or an assertion.
 *
 * <p>On the wire each value carries the prefix {@code OUTCOME_}; the Java names drop it. A value
 * this SDK does not know reads as {@link #UNRECOGNIZED}, never as an exception.
 */
public enum Outcome {
  /** No outcome was reported. */
  UNSPECIFIED,
  /** The content did not match. */
  FALSE,
  /** The content matched. */
  TRUE,
  /** The evaluation failed; the score may be {@code -1}. */
  FAILED,
  /** A value sent by a newer server that this SDK version does not know. */
  UNRECOGNIZED;

  private static final WireEnum<Outcome> WIRE = new WireEnum<>(Outcome.class, "OUTCOME_");

  /**
   * Reads a wire value: the full name ("OUTCOME_FALSE"), the short name or the number.
   *
   * @param value the wire value; {@code null} or empty reads as {@link #UNSPECIFIED}
   * @return the constant, or {@link #UNRECOGNIZED} for an unknown value
   */
  @JsonCreator
  public static Outcome fromWire(String value) {
    return WIRE.parse(value);
  }

  /**
   * The name the API uses for this value, such as {@code OUTCOME_FALSE}.
   *
   * @return the wire name; {@code "UNRECOGNIZED"} for {@link #UNRECOGNIZED}, which no server
   *     accepts
   */
  @JsonValue
  public String wireName() {
    return WIRE.wireName(this);
  }
}
