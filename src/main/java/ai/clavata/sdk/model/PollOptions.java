package ai.clavata.sdk.model;

import java.time.Duration;

/**
 * How to wait for a job to finish: the first wait between polls, the longest, how fast waits grow,
 * and when to give up. The same for jobs and batch jobs; only the defaults differ, because a job
 * takes seconds and a batch job hours.
 *
 * <pre>{@code
 * client.jobs().awaitCompletion(jobUuid, PollOptions.forJobs().withTimeout(Duration.ofMinutes(1)));
 * client.batch().awaitCompletion(batchJobId, PollOptions.forBatchJobs(), job -> log(job.state()));
 * }</pre>
 *
 * @param initialInterval the first wait between polls
 * @param maxInterval the longest wait between polls
 * @param growth how much each wait grows, at least 1 (1 keeps the interval fixed)
 * @param timeout how long to wait in total; the job itself goes on after it
 */
public record PollOptions(
    Duration initialInterval, Duration maxInterval, double growth, Duration timeout) {

  /**
   * Creates options and validates them.
   *
   * @param initialInterval the first wait
   * @param maxInterval the longest wait
   * @param growth how much each wait grows
   * @param timeout the overall timeout
   * @throws IllegalArgumentException if a duration is not positive, the first wait exceeds the
   *     longest, or {@code growth} is below 1 or not a number
   */
  public PollOptions {
    requirePositive("initialInterval", initialInterval);
    requirePositive("maxInterval", maxInterval);
    requirePositive("timeout", timeout);
    if (initialInterval.compareTo(maxInterval) > 0) {
      throw new IllegalArgumentException(
          "initialInterval " + initialInterval + " is longer than maxInterval " + maxInterval);
    }
    if (!(growth >= 1.0) || Double.isInfinite(growth)) {
      throw new IllegalArgumentException("growth must be 1 or more, but was " + growth);
    }
  }

  /**
   * The defaults for a job: polls after 0.5 s, growing by 1.5 up to every 5 s, for up to 5 minutes.
   *
   * @return the defaults for {@code client.jobs()}
   */
  public static PollOptions forJobs() {
    return new PollOptions(
        Duration.ofMillis(500), Duration.ofSeconds(5), 1.5, Duration.ofMinutes(5));
  }

  /**
   * The defaults for a batch job: polls after 5 s, doubling up to once a minute, for up to 48 hours
   * (batches can take 24 to 48 hours).
   *
   * @return the defaults for {@code client.batch()}
   */
  public static PollOptions forBatchJobs() {
    return new PollOptions(Duration.ofSeconds(5), Duration.ofMinutes(1), 2.0, Duration.ofHours(48));
  }

  /**
   * These options with another overall timeout.
   *
   * @param timeout the overall timeout
   * @return new options
   */
  public PollOptions withTimeout(Duration timeout) {
    return new PollOptions(initialInterval, maxInterval, growth, timeout);
  }

  /**
   * These options with other poll intervals.
   *
   * @param initialInterval the first wait
   * @param maxInterval the longest wait
   * @return new options
   */
  public PollOptions withIntervals(Duration initialInterval, Duration maxInterval) {
    return new PollOptions(initialInterval, maxInterval, growth, timeout);
  }

  /**
   * These options with another growth of the wait between polls.
   *
   * @param growth at least 1
   * @return new options
   */
  public PollOptions withGrowth(double growth) {
    return new PollOptions(initialInterval, maxInterval, growth, timeout);
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, but was " + value);
    }
  }
}
