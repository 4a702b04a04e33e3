package ai.clavata.sdk.internal;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The retry state of one asynchronous call, bound to the thread that runs its blocking step. It
 * lets the retry interceptor hand a backoff to the client's scheduler instead of sleeping (it
 * throws {@link Deferred}, and the call runs again when the wait is over, with the retries counted
 * so far, kept in the call's record), and lets cancelling the call's future reach the OkHttp call
 * in flight.
 *
 * <p>Outside an async call there is no scope and retries sleep as usual. A scope wraps a step that
 * sends one request, or only reads, since the whole step runs again after a deferred wait.
 */
public final class RetryScope {
  private static final ThreadLocal<RetryScope> CURRENT = new ThreadLocal<>();

  private volatile boolean cancelled;
  private volatile Runnable cancelInFlight;
  private Object record;

  /** The scope of the async call running on this thread, or {@code null}. */
  public static RetryScope current() {
    return CURRENT.get();
  }

  /** Runs {@code step} with this scope bound to the calling thread. */
  <T> T run(Supplier<T> step) {
    RetryScope outer = CURRENT.get();
    CURRENT.set(this);
    try {
      return step.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /**
   * The call's record that outlives one run (its attempts and failures so far), made by {@code
   * create} on first use.
   *
   * @param type the record's class
   * @param create makes it
   * @return the record
   */
  public <T> T record(Class<T> type, Supplier<T> create) {
    if (record == null) {
      record = create.get();
    }
    return type.cast(record);
  }

  /**
   * Ends this run: the call runs again after {@code wait}, resuming from its {@link #record}.
   *
   * @param wait the backoff
   * @return the signal to throw; the caller has closed the failed response
   */
  public Deferred defer(Duration wait) {
    return new Deferred(wait);
  }

  /**
   * Registers how to cancel the request now in flight; runs it at once if the call was cancelled.
   */
  public void onCancel(Runnable cancel) {
    cancelInFlight = cancel;
    if (cancelled) {
      cancel.run();
    }
  }

  /** Whether the call's future was cancelled. */
  public boolean isCancelled() {
    return cancelled;
  }

  /** Cancels the request in flight, and any later run. */
  void cancel() {
    cancelled = true;
    Runnable cancel = cancelInFlight;
    if (cancel != null) {
      cancel.run();
    }
  }

  /** Thrown through the blocking step when a retry's wait is handed to the scheduler. */
  public static final class Deferred extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Duration wait;

    Deferred(Duration wait) {
      super("retry deferred by " + wait, null, false, false);
      this.wait = wait;
    }

    /** How long to wait before the next run. */
    public Duration waitTime() {
      return wait;
    }
  }
}
