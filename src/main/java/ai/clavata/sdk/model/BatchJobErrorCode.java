package ai.clavata.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why the service could not create or run a batch job.
 *
 * <p>On the wire each value carries the prefix {@code BATCH_JOB_ERROR_}; the Java names drop it. A
 * value this SDK does not know reads as {@link #UNRECOGNIZED}, never as an exception.
 */
public enum BatchJobErrorCode {
  /** No error. */
  UNSPECIFIED,
  /** The uploaded input file could not be read. */
  INVALID_INPUT_FILE,
  /** The policy does not exist or cannot be used. */
  INVALID_POLICY,
  /** The policy version cannot be used. */
  INVALID_POLICY_VERSION,
  /** The requested priority is not allowed. */
  INVALID_PRIORITY,
  /** A value sent by a newer server that this SDK version does not know. */
  UNRECOGNIZED;

  private static final WireEnum<BatchJobErrorCode> WIRE =
      new WireEnum<>(BatchJobErrorCode.class, "BATCH_JOB_ERROR_");

  /**
   * Reads a wire value: the full name ("BATCH_JOB_ERROR_INVALID_POLICY"), the short name or the
   * number.
   *
   * @param value the wire value; {@code null} or empty reads as {@link #UNSPECIFIED}
   * @return the constant, or {@link #UNRECOGNIZED} for an unknown value
   */
  @JsonCreator
  public static BatchJobErrorCode fromWire(String value) {
    return WIRE.parse(value);
  }

  /**
   * The name the API uses for this value, such as {@code BATCH_JOB_ERROR_INVALID_POLICY}.
   *
   * @return the wire name; {@code "UNRECOGNIZED"} for {@link #UNRECOGNIZED}, which no server
   *     accepts
   */
  @JsonValue
  public String wireName() {
    return WIRE.wireName(this);
  }
}
