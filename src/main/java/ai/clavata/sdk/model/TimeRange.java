package ai.clavata.sdk.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A time filter for listing jobs. Bounds are exclusive unless {@link #asInclusive()} is used; a
 * missing bound leaves that side open.
 *
 * <pre>{@code
 * TimeRange.between(yesterday, now);
 * TimeRange.after(lastRun).asInclusive();
 * }</pre>
 *
 * @param start the lower bound, or {@code null} for none
 * @param end the upper bound, or {@code null} for none
 * @param inclusive whether the bounds themselves match
 */
public record TimeRange(Instant start, Instant end, boolean inclusive) {

  /**
   * Creates a range and validates its bounds.
   *
   * @param start the lower bound, or {@code null} for none
   * @param end the upper bound, or {@code null} for none
   * @param inclusive whether the bounds themselves match
   * @throws IllegalArgumentException if both bounds are missing, or start is after end
   */
  public TimeRange {
    if (start == null && end == null) {
      throw new IllegalArgumentException("a TimeRange needs a start, an end, or both");
    }
    if (start != null && end != null && start.isAfter(end)) {
      throw new IllegalArgumentException(
          "TimeRange start " + start + " is after its end " + end + "; swap them");
    }
  }

  /**
   * Times between two bounds, exclusive.
   *
   * @param start the lower bound
   * @param end the upper bound
   * @return a new range
   */
  public static TimeRange between(Instant start, Instant end) {
    return new TimeRange(
        Objects.requireNonNull(start, "start must not be null"),
        Objects.requireNonNull(end, "end must not be null"),
        false);
  }

  /**
   * Times after a bound, exclusive.
   *
   * @param start the lower bound
   * @return a new range
   */
  public static TimeRange after(Instant start) {
    return new TimeRange(Objects.requireNonNull(start, "start must not be null"), null, false);
  }

  /**
   * Times before a bound, exclusive.
   *
   * @param end the upper bound
   * @return a new range
   */
  public static TimeRange before(Instant end) {
    return new TimeRange(null, Objects.requireNonNull(end, "end must not be null"), false);
  }

  /**
   * This range with its bounds included.
   *
   * @return a new range whose bounds match too
   */
  public TimeRange asInclusive() {
    return new TimeRange(start, end, true);
  }
}
