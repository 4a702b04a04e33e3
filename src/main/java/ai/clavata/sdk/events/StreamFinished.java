package ai.clavata.sdk.events;

import java.time.Duration;

/**
 * A result stream ended.
 *
 * @param inputs how many items the request asked about
 * @param results how many results were delivered
 * @param ending how it ended
 * @param failure what ended it early, or {@code null}
 * @param duration from opening the stream to its end
 * @param resubmissions how many times unanswered items were sent again
 */
public record StreamFinished(
    int inputs,
    long results,
    Ending ending,
    Throwable failure,
    Duration duration,
    int resubmissions) {

  /** How a stream ended. */
  public enum Ending {
    /** Every result was delivered. */
    COMPLETED,
    /** An error ended it before its end; {@code failure} says which. */
    INTERRUPTED,
    /** The caller closed it before its end. */
    CLOSED_EARLY
  }
}
