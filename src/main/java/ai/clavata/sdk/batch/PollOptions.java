package ai.clavata.sdk.batch;

import java.time.Duration;

/**
 * How to poll a batch job: the first wait, the longest wait, and when to give up. Waits double
 * from {@code initialInterval} up to {@code maxInterval}.
 *
 * <pre>{@code
 * PollOptions.defaults().withTimeout(Duration.ofHours(2));
 * }</pre>
 *
 * @param initialInterval the first wait between polls
 * @param maxInterval the longest wait between polls
 * @param timeout how long to wait in total; the server job goes on after it
 */
public record PollOptions(Duration initialInterval, Duration maxInterval, Duration timeout) {

  /**
   * Creates options and validates them.
   *
   * @param initialInterval the first wait
   * @param maxInterval the longest wait
   * @param timeout the overall timeout
   * @throws IllegalArgumentException if a duration is not positive or the first wait exceeds the
   *     longest
   */
  public PollOptions {
    requirePositive("initialInterval", initialInterval);
    requirePositive("maxInterval", maxInterval);
    requirePositive("timeout", timeout);
    if (initialInterval.compareTo(maxInterval) > 0) {
      throw new IllegalArgumentException(
          "initialInterval " + initialInterval + " is longer than maxInterval " + maxInterval);
    }
  }

  /**
   * Polls after 5 s, backing off to once a minute, for up to 48 hours (batches can take 24 to 48
   * hours).
   *
   * @return the defaults
   */
  public static PollOptions defaults() {
    return new PollOptions(Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofHours(48));
  }

  /**
   * These options with another overall timeout.
   *
   * @param timeout the overall timeout
   * @return new options
   */
  public PollOptions withTimeout(Duration timeout) {
    return new PollOptions(initialInterval, maxInterval, timeout);
  }

  /**
   * These options with other poll intervals.
   *
   * @param initialInterval the first wait
   * @param maxInterval the longest wait
   * @return new options
   */
  public PollOptions withIntervals(Duration initialInterval, Duration maxInterval) {
    return new PollOptions(initialInterval, maxInterval, timeout);
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, but was " + value);
    }
  }
}
