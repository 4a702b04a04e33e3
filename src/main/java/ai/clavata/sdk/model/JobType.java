package ai.clavata.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a job is classified for billing and analytics.
 *
 * <p>On the wire each value carries the prefix {@code JOB_TYPE_}; the Java names drop it. A value
 * this SDK does not know reads as {@link #UNRECOGNIZED}, never as an exception.
 */
public enum JobType {
  /** No type was reported. */
  UNSPECIFIED,
  /** An ordinary evaluation job. */
  STANDARD,
  /** A job run as part of a batch. */
  BATCH,
  /** A job that is not billed. */
  FREE,
  /** A test job. */
  TEST,
  /** A value sent by a newer server that this SDK version does not know. */
  UNRECOGNIZED;

  private static final WireEnum<JobType> WIRE = new WireEnum<>(JobType.class, "JOB_TYPE_");

  /**
   * Reads a wire value: the full name ("JOB_TYPE_STANDARD"), the short name or the number.
   *
   * @param value the wire value; {@code null} or empty reads as {@link #UNSPECIFIED}
   * @return the constant, or {@link #UNRECOGNIZED} for an unknown value
   */
  @JsonCreator
  public static JobType fromWire(String value) {
    return WIRE.parse(value);
  }

  /**
   * The name the API uses for this value, such as {@code JOB_TYPE_STANDARD}.
   *
   * @return the wire name; {@code "UNRECOGNIZED"} for {@link #UNRECOGNIZED}, which no server
   *     accepts
   */
  @JsonValue
  public String wireName() {
    return WIRE.wireName(this);
  }
}
