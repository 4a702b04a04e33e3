package ai.clavata.sdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The lifecycle state of a batch job. Note the API spells {@link #CANCELLED} with two Ls here.
 *
 * <p>On the wire each value carries the prefix {@code BATCH_JOB_STATE_}; the Java names drop it. A
 * value this SDK does not know reads as {@link #UNRECOGNIZED}, never as an exception.
 */
public enum BatchJobState {
  /** No state was reported. */
  UNSPECIFIED,
  /** The batch failed. */
  ERROR,
  /** Created and waiting for its input file. */
  INITIALIZED,
  /** Waiting to be processed. */
  QUEUED,
  /** The input file is being read. */
  PREPROCESSING,
  /** The input file has been read. */
  PREPROCESSED,
  /** The items are being evaluated. */
  SUBMITTED,
  /** The results file is being written. */
  POSTPROCESSING,
  /** The results file has been written. */
  POSTPROCESSED,
  /** Finished; the output file can be downloaded. */
  COMPLETED,
  /** Cancelled before it finished. */
  CANCELLED,
  /** A value sent by a newer server that this SDK version does not know. */
  UNRECOGNIZED;

  private static final WireEnum<BatchJobState> WIRE =
      new WireEnum<>(BatchJobState.class, "BATCH_JOB_STATE_");

  /**
   * Reads a wire value: the full name ("BATCH_JOB_STATE_ERROR"), the short name or the number.
   *
   * @param value the wire value; {@code null} or empty reads as {@link #UNSPECIFIED}
   * @return the constant, or {@link #UNRECOGNIZED} for an unknown value
   */
  @JsonCreator
  public static BatchJobState fromWire(String value) {
    return WIRE.parse(value);
  }

  /**
   * The name the API uses for this value, such as {@code BATCH_JOB_STATE_ERROR}.
   *
   * @return the wire name; {@code "UNRECOGNIZED"} for {@link #UNRECOGNIZED}, which no server
   *     accepts
   */
  @JsonValue
  public String wireName() {
    return WIRE.wireName(this);
  }

  /**
   * Whether a batch job in this state will not change any more.
   *
   * @return {@code true} for {@link #COMPLETED}, {@link #ERROR} and {@link #CANCELLED}
   */
  public boolean isTerminal() {
    return this == COMPLETED || this == ERROR || this == CANCELLED;
  }
}
