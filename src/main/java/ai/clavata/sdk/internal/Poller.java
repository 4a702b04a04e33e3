package ai.clavata.sdk.internal;

import ai.clavata.sdk.errors.ClavataIoException;
import ai.clavata.sdk.errors.ClavataTimeoutException;
import ai.clavata.sdk.model.PollOptions;
import ai.clavata.sdk.model.ProgressListener;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls a job until it is done, as {@link PollOptions} say: waits grow by {@code growth} up to
 * {@code maxInterval}, within the overall timeout, which is checked after each poll (so the last
 * poll happens at the deadline). Each new status goes to the listener.
 *
 * @param timing the clock and sleeper
 * @param options the intervals and timeout
 */
public record Poller(Timing timing, PollOptions options) {

  /**
   * Fetches until {@code done} accepts the job.
   *
   * @param fetch one poll
   * @param status the job's status, to tell the listener about changes
   * @param done whether a job ends the wait
   * @param listener hears each new status
   * @param stillWaiting describes the last job for the timeout message
   * @return the accepted job
   * @throws ClavataTimeoutException when the timeout passes first
   */
  public <T> T until(
      Supplier<T> fetch,
      Function<T, ?> status,
      Predicate<T> done,
      ProgressListener<T> listener,
      Function<T, String> stillWaiting) {
    Objects.requireNonNull(listener, "listener must not be null");
    long deadline = timing.nanoTime() + options.timeout().toNanos();
    Duration interval = options.initialInterval();
    Object lastStatus = null;
    for (boolean first = true; ; first = false) {
      T job = fetch.get();
      Object now = status.apply(job);
      if (first || !Objects.equals(now, lastStatus)) {
        lastStatus = now;
        listener.onStatusChange(job);
      }
      if (done.test(job)) {
        return job;
      }
      long remaining = deadline - timing.nanoTime();
      if (remaining <= 0) {
        throw new ClavataTimeoutException(
            stillWaiting.apply(job) + " after " + options.timeout(), null);
      }
      sleep(interval.toNanos() < remaining ? interval : Duration.ofNanos(remaining));
      Duration grown = Duration.ofNanos((long) (interval.toNanos() * options.growth()));
      interval = grown.compareTo(options.maxInterval()) > 0 ? options.maxInterval() : grown;
    }
  }

  private void sleep(Duration duration) {
    try {
      timing.pause(duration);
    } catch (InterruptedIOException e) {
      throw new ClavataIoException("interrupted while waiting for a job to finish", e);
    }
  }
}
