package ai.clavata.sdk.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs the async sub-clients: each blocking step on the async executor, each wait on the {@link
 * AsyncTimer}. Futures fail with the exception the blocking call would throw (not wrapped), and
 * cancelling one stops what it is doing: the request in flight, the next poll, the next step.
 */
public final class Async {
  private final Executor executor;
  private final AsyncTimer timer;

  /**
   * Creates the runner.
   *
   * @param executor runs blocking steps
   * @param timer times waits
   */
  public Async(Executor executor, AsyncTimer timer) {
    this.executor = executor;
    this.timer = timer;
  }

  /**
   * Runs a step that sends one request (or only reads) under a {@link RetryScope}: a retry's wait
   * is timed by the timer instead of slept, and the step runs again after it. Cancelling the future
   * cancels the request in flight.
   */
  public <T> CompletableFuture<T> call(Supplier<T> step) {
    CompletableFuture<T> future = new CompletableFuture<>();
    RetryScope scope = new RetryScope();
    future.whenComplete(
        (value, error) -> {
          if (future.isCancelled()) {
            scope.cancel();
          }
        });
    attempt(scope, step, future);
    return future;
  }

  /** Runs blocking work that sends nothing the retries handle, such as writing a file. */
  public <T> CompletableFuture<T> work(Supplier<T> step) {
    CompletableFuture<T> future = new CompletableFuture<>();
    execute(future, () -> complete(future, step));
    return future;
  }

  /**
   * Runs {@code task} on the executor, or fails {@code future} if the executor is shut down.
   *
   * @param future the future the task completes
   * @param task the work
   */
  public void execute(CompletableFuture<?> future, Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(closed(e));
    }
  }

  /**
   * Polls with {@code fetch} until the watch says the job is done, each wait timed by the timer.
   * Cancelling the future stops the polling and the poll in flight.
   *
   * @param start checks the arguments and starts the watch; what it throws fails the future
   * @param fetch one poll
   */
  public <T> CompletableFuture<T> poll(
      Supplier<Poller.Watch<T>> start, Supplier<CompletableFuture<T>> fetch) {
    Poller.Watch<T> watch;
    try {
      watch = start.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    AtomicReference<CompletableFuture<?>> inFlight = new AtomicReference<>();
    cancelWith(result, inFlight);
    pollOnce(fetch, watch, result, inFlight);
    return result;
  }

  /**
   * {@link #poll}, taking in {@code first}, a job already at hand, before the first fetch.
   *
   * @param first the job as last seen
   * @param watch the started watch
   * @param fetch one poll
   */
  public <T> CompletableFuture<T> pollAfter(
      T first, Poller.Watch<T> watch, Supplier<CompletableFuture<T>> fetch) {
    CompletableFuture<T> result = new CompletableFuture<>();
    AtomicReference<CompletableFuture<?>> inFlight = new AtomicReference<>();
    cancelWith(result, inFlight);
    handle(first, fetch, watch, result, inFlight);
    return result;
  }

  private <T> void pollOnce(
      Supplier<CompletableFuture<T>> fetch,
      Poller.Watch<T> watch,
      CompletableFuture<T> result,
      AtomicReference<CompletableFuture<?>> inFlight) {
    CompletableFuture<T> polled = start(result, inFlight, fetch::get);
    polled.whenComplete(
        (job, error) -> {
          if (error != null) {
            result.completeExceptionally(unwrap(error));
          } else {
            handle(job, fetch, watch, result, inFlight);
          }
        });
  }

  /** Takes in one polled job: completes {@code result}, or times the next poll. */
  private <T> void handle(
      T job,
      Supplier<CompletableFuture<T>> fetch,
      Poller.Watch<T> watch,
      CompletableFuture<T> result,
      AtomicReference<CompletableFuture<?>> inFlight) {
    Duration wait;
    try {
      wait = watch.next(job);
    } catch (RuntimeException | Error e) {
      result.completeExceptionally(e);
      return;
    }
    if (wait == null) {
      result.complete(job);
    } else {
      timer.after(wait, result, () -> pollOnce(fetch, watch, result, inFlight));
    }
  }

  /**
   * The future of {@code first} followed by the step {@code next} makes of its value. Cancelling it
   * cancels whichever of the two is running; {@code next} is applied even after a cancel (and its
   * future cancelled at once), so that it can release what {@code first} produced.
   */
  public static <A, B> CompletableFuture<B> then(
      CompletableFuture<A> first, Function<A, CompletableFuture<B>> next) {
    CompletableFuture<B> result = new CompletableFuture<>();
    AtomicReference<CompletableFuture<?>> inFlight = new AtomicReference<>(first);
    cancelWith(result, inFlight);
    first.whenComplete(
        (value, error) -> {
          if (error != null) {
            result.completeExceptionally(unwrap(error));
            return;
          }
          CompletableFuture<B> second = start(result, inFlight, () -> next.apply(value));
          second.whenComplete(
              (b, failure) -> {
                if (failure != null) {
                  result.completeExceptionally(unwrap(failure));
                } else {
                  result.complete(b);
                }
              });
        });
    return result;
  }

  /** {@link #then} with a step that does not wait: {@code map} may throw to fail the future. */
  public static <A, B> CompletableFuture<B> map(CompletableFuture<A> first, Function<A, B> map) {
    return then(
        first,
        value -> {
          try {
            return CompletableFuture.completedFuture(map.apply(value));
          } catch (RuntimeException | Error e) {
            return CompletableFuture.failedFuture(e);
          }
        });
  }

  /** The exception for work refused because the client was closed. */
  static IllegalStateException closed(RejectedExecutionException cause) {
    return new IllegalStateException(
        "the client's threads are shut down (was the ClavataClient closed?)", cause);
  }

  private <T> void attempt(RetryScope scope, Supplier<T> step, CompletableFuture<T> future) {
    execute(
        future,
        () -> {
          if (future.isDone()) {
            return; // cancelled while it waited
          }
          try {
            future.complete(scope.run(step));
          } catch (RetryScope.Deferred deferred) {
            timer.after(deferred.waitTime(), future, () -> attempt(scope, step, future));
          } catch (RuntimeException | Error failure) {
            future.completeExceptionally(failure);
          }
        });
  }

  private static <T> void complete(CompletableFuture<T> future, Supplier<T> step) {
    if (future.isDone()) {
      return;
    }
    try {
      future.complete(step.get());
    } catch (RuntimeException | Error failure) {
      future.completeExceptionally(failure);
    }
  }

  /**
   * Starts the next stage of {@code result} and records it as the one in flight; cancels it at once
   * if {@code result} was cancelled meanwhile.
   */
  private static <T> CompletableFuture<T> start(
      CompletableFuture<?> result,
      AtomicReference<CompletableFuture<?>> inFlight,
      Supplier<CompletableFuture<T>> stage) {
    CompletableFuture<T> next;
    try {
      next = stage.get();
    } catch (RuntimeException | Error e) {
      next = CompletableFuture.failedFuture(e);
    }
    inFlight.set(next);
    if (result.isCancelled()) {
      next.cancel(true);
    }
    return next;
  }

  private static void cancelWith(
      CompletableFuture<?> result, AtomicReference<CompletableFuture<?>> inFlight) {
    result.whenComplete(
        (value, error) -> {
          CompletableFuture<?> stage = inFlight.get();
          if (result.isCancelled() && stage != null) {
            stage.cancel(true);
          }
        });
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }
}
