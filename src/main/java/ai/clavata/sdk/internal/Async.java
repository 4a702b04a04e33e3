package ai.clavata.sdk.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/** Runs blocking SDK calls on an executor and hands back futures. */
public final class Async {
  private Async() {}

  /**
   * A future completed by {@code call} on {@code executor}; failed at once, with an {@link
   * IllegalStateException}, if the executor was shut down because the client is closed.
   */
  public static <T> CompletableFuture<T> supply(Executor executor, Supplier<T> call) {
    try {
      return CompletableFuture.supplyAsync(call, executor);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(closed(e));
    }
  }

  /**
   * Runs {@code task} on {@code executor}, or fails {@code future} if the executor is shut down.
   */
  public static void execute(Executor executor, CompletableFuture<?> future, Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(closed(e));
    }
  }

  private static IllegalStateException closed(RejectedExecutionException cause) {
    return new IllegalStateException(
        "the client's threads are shut down (was the ClavataClient closed?)", cause);
  }
}
