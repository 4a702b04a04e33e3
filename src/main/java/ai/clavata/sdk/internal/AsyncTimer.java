package ai.clavata.sdk.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Times the waits of async calls (poll intervals, retry backoffs) on one daemon thread that the
 * client owns, so that no thread is parked while a call only waits. The thread starts on first use;
 * {@link #close} stops it and fails every future still waiting, so none hangs forever.
 */
public final class AsyncTimer {
  private final Set<CompletableFuture<?>> waiting = ConcurrentHashMap.newKeySet();
  private ScheduledThreadPoolExecutor thread; // guarded by this
  private boolean closed; // guarded by this

  /**
   * Runs {@code next} on the timer thread after {@code wait}, unless {@code future} completes first
   * (a cancel). It should only hand work on to an executor.
   *
   * @param wait how long to wait
   * @param future the call waiting; failed with {@link IllegalStateException} if the client closes
   * @param next what to do then
   */
  public void after(Duration wait, CompletableFuture<?> future, Runnable next) {
    waiting.add(future);
    ScheduledFuture<?> timer;
    try {
      timer =
          thread()
              .schedule(
                  () -> {
                    if (waiting.remove(future)) {
                      next.run();
                    }
                  },
                  wait.toNanos(),
                  TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      waiting.remove(future);
      future.completeExceptionally(Async.closed(e));
      return;
    }
    future.whenComplete(
        (value, error) -> {
          if (waiting.remove(future)) {
            timer.cancel(false);
          }
        });
  }

  /** Stops the thread and fails every waiting future. Idempotent. */
  public void close() {
    synchronized (this) {
      closed = true;
      if (thread != null) {
        thread.shutdownNow();
      }
    }
    for (CompletableFuture<?> future : waiting) {
      if (waiting.remove(future)) {
        future.completeExceptionally(Async.closed(null));
      }
    }
  }

  private synchronized ScheduledThreadPoolExecutor thread() {
    if (closed) {
      throw new RejectedExecutionException("closed");
    }
    if (thread == null) {
      thread =
          new ScheduledThreadPoolExecutor(
              1,
              task -> {
                Thread timer = new Thread(task, "clavata-timer");
                timer.setDaemon(true);
                return timer;
              });
      thread.setRemoveOnCancelPolicy(true);
    }
    return thread;
  }
}
