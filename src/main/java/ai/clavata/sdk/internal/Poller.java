package ai.clavata.sdk.internal;

import ai.clavata.sdk.errors.ClavataIoException;
import ai.clavata.sdk.errors.ClavataTimeoutException;
import ai.clavata.sdk.events.ClavataEventListener;
import ai.clavata.sdk.events.JobPolled;
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
 * poll happens at the deadline). Each new status goes to the listener. The blocking {@link #until}
 * sleeps between polls; {@link Async#poll} times the same {@link Watch} on the client's timer.
 *
 * @param timing the clock and sleeper
 * @param options the intervals and timeout
 * @param events hears each poll
 */
public record Poller(Timing timing, PollOptions options, ClavataEventListener events) {

  /**
   * Starts watching one job: the deadline counts from now.
   *
   * @param kind {@code "job"} or {@code "batch job"}, for events
   * @param id the job's id, for events
   * @param status the job's status, to tell the listener about changes
   * @param done whether a job ends the wait
   * @param listener hears each new status
   * @param stillWaiting describes the last job for the timeout message
   * @return the watch, to feed every polled job to
   */
  public <T> Watch<T> watch(
      String kind,
      String id,
      Function<T, ?> status,
      Predicate<T> done,
      ProgressListener<T> listener,
      Function<T, String> stillWaiting) {
    Objects.requireNonNull(listener, "listener must not be null");
    return new Watch<>(this, kind, id, status, done, listener, stillWaiting);
  }

  /**
   * Fetches until {@code watch} accepts the job, sleeping between polls.
   *
   * @param fetch one poll
   * @param watch from {@link #watch}
   * @return the accepted job
   * @throws ClavataTimeoutException when the timeout passes first
   */
  public static <T> T until(Supplier<T> fetch, Watch<T> watch) {
    while (true) {
      T job = fetch.get();
      Duration wait = watch.next(job);
      if (wait == null) {
        return job;
      }
      pause(watch, wait);
    }
  }

  /**
   * Takes in {@code first}, a job already at hand, then fetches until {@code watch} accepts one.
   *
   * @param first the job as last seen, such as the answer of its create
   * @param fetch one poll
   * @param watch from {@link #watch}
   * @return the accepted job
   */
  public static <T> T untilAfter(T first, Supplier<T> fetch, Watch<T> watch) {
    Duration wait = watch.next(first);
    if (wait == null) {
      return first;
    }
    pause(watch, wait);
    return until(fetch, watch);
  }

  private static void pause(Watch<?> watch, Duration wait) {
    try {
      watch.poller.timing().pause(wait);
    } catch (InterruptedIOException e) {
      throw new ClavataIoException("interrupted while waiting for a job to finish", e);
    }
  }

  /** The state of one wait: the deadline, the last status seen and the next interval. */
  public static final class Watch<T> {
    private final Poller poller;
    private final String kind;
    private final String id;
    private final Function<T, ?> status;
    private final Predicate<T> done;
    private final ProgressListener<T> listener;
    private final Function<T, String> stillWaiting;
    private final long deadline;
    private Duration interval;
    private Object lastStatus;
    private boolean first = true;
    private int polls;

    private Watch(
        Poller poller,
        String kind,
        String id,
        Function<T, ?> status,
        Predicate<T> done,
        ProgressListener<T> listener,
        Function<T, String> stillWaiting) {
      this.poller = poller;
      this.kind = kind;
      this.id = id;
      this.status = status;
      this.done = done;
      this.listener = listener;
      this.stillWaiting = stillWaiting;
      this.deadline = poller.timing().nanoTime() + poller.options().timeout().toNanos();
      this.interval = poller.options().initialInterval();
    }

    /**
     * Takes in one polled job: tells the listener if its status is new.
     *
     * @param job the job just polled
     * @return {@code null} when the job is done, otherwise how long to wait before the next poll
     * @throws ClavataTimeoutException when the job is not done and the timeout has passed
     */
    public Duration next(T job) {
      Object now = status.apply(job);
      if (first || !Objects.equals(now, lastStatus)) {
        first = false;
        lastStatus = now;
        listener.onStatusChange(job);
      }
      boolean finished = done.test(job);
      if (poller.events() != ClavataEventListener.NONE) {
        poller.events().jobPolled(new JobPolled(kind, id, String.valueOf(now), ++polls, finished));
      }
      if (finished) {
        return null;
      }
      PollOptions options = poller.options();
      long remaining = deadline - poller.timing().nanoTime();
      if (remaining <= 0) {
        throw new ClavataTimeoutException(
            stillWaiting.apply(job) + " after " + options.timeout(), null);
      }
      Duration wait = interval.toNanos() < remaining ? interval : Duration.ofNanos(remaining);
      Duration grown = Duration.ofNanos((long) (interval.toNanos() * options.growth()));
      interval = grown.compareTo(options.maxInterval()) > 0 ? options.maxInterval() : grown;
      return wait;
    }
  }
}
