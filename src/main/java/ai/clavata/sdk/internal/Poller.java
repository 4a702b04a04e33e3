package ai.clavata.sdk.internal;

import ai.clavata.sdk.errors.ClavataIoException;
import ai.clavata.sdk.errors.ClavataTimeoutException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls until a condition holds, waiting longer between polls each time (by {@code growth}, up
 * to {@code maxInterval}), within an overall timeout. The timeout is checked after each poll, so
 * the last poll happens at the deadline.
 *
 * @param timing the clock and sleeper
 * @param initialInterval the first wait
 * @param maxInterval the longest wait
 * @param growth how much each wait grows, such as 1.5
 */
public record Poller(
    Timing timing, Duration initialInterval, Duration maxInterval, double growth) {

  /**
   * Fetches until {@code done} accepts the value.
   *
   * @param fetch one poll
   * @param done whether a value ends the wait
   * @param timeout the overall timeout
   * @param stillWaiting describes the last value for the timeout message
   * @return the accepted value
   * @throws ClavataTimeoutException when the timeout passes first
   */
  public <T> T until(
      Supplier<T> fetch, Predicate<T> done, Duration timeout, Function<T, String> stillWaiting) {
    long deadline = timing.nanoTime() + timeout.toNanos();
    Duration interval = initialInterval;
    while (true) {
      T value = fetch.get();
      if (done.test(value)) {
        return value;
      }
      long remaining = deadline - timing.nanoTime();
      if (remaining <= 0) {
        throw new ClavataTimeoutException(stillWaiting.apply(value) + " after " + timeout, null);
      }
      sleep(interval.toNanos() < remaining ? interval : Duration.ofNanos(remaining));
      Duration grown = Duration.ofNanos((long) (interval.toNanos() * growth));
      interval = grown.compareTo(maxInterval) > 0 ? maxInterval : grown;
    }
  }

  /** Throws if a timeout cannot be waited for. */
  public static Duration requireTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, but was " + timeout);
    }
    return timeout;
  }

  private void sleep(Duration duration) {
    try {
      timing.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException cause = new InterruptedIOException("interrupted while polling");
      cause.initCause(e);
      throw new ClavataIoException("interrupted while waiting for a job to finish", cause);
    }
  }
}
