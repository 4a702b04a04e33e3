package ai.clavata.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The lifecycle state of a {@link Job}. Note the API spells {@link #CANCELED} with one L here.
 *
 * <p>On the wire each value carries the prefix {@code JOB_STATUS_}; the Java names drop it. A value
 * this SDK does not know reads as {@link #UNRECOGNIZED}, never as an exception.
 */
public enum JobStatus {
  /** No status; as a list filter it means any status. */
  UNSPECIFIED,
  /** Accepted and waiting to run. */
  PENDING,
  /** Being evaluated. */
  RUNNING,
  /** Finished; the results are available. */
  COMPLETED,
  /** Finished without results. */
  FAILED,
  /** Canceled before it finished. */
  CANCELED,
  /** A value sent by a newer server that this SDK version does not know. */
  UNRECOGNIZED;

  private static final WireEnum<JobStatus> WIRE = new WireEnum<>(JobStatus.class, "JOB_STATUS_");

  /**
   * Reads a wire value: the full name ("JOB_STATUS_PENDING"), the short name or the number.
   *
   * @param value the wire value; {@code null} or empty reads as {@link #UNSPECIFIED}
   * @return the constant, or {@link #UNRECOGNIZED} for an unknown value
   */
  @JsonCreator
  public static JobStatus fromWire(String value) {
    return WIRE.parse(value);
  }

  /**
   * The name the API uses for this value, such as {@code JOB_STATUS_PENDING}.
   *
   * @return the wire name; {@code "UNRECOGNIZED"} for {@link #UNRECOGNIZED}, which no server
   *     accepts
   */
  @JsonValue
  public String wireName() {
    return WIRE.wireName(this);
  }

  /**
   * Whether a job in this status will not change any more.
   *
   * @return {@code true} for {@link #COMPLETED}, {@link #FAILED} and {@link #CANCELED}
   */
  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == CANCELED;
  }
}
