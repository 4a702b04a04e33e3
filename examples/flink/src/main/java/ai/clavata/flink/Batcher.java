package ai.clavata.flink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Collects items into batches: a batch goes to the consumer when it has {@code maxSize} items, or
 * {@code maxDelay} after its first item arrived, whichever comes first. Thread-safe; the consumer
 * runs on the adding thread (a full batch) or on the batcher's timer thread (a due one).
 */
final class Batcher<T> implements AutoCloseable {
  private final int maxSize;
  private final Duration maxDelay;
  private final Consumer<List<T>> consumer;
  private final ScheduledExecutorService timer;
  private List<T> open = new ArrayList<>(); // guarded by this
  private ScheduledFuture<?> due; // guarded by this

  Batcher(int maxSize, Duration maxDelay, Consumer<List<T>> consumer, String threadName) {
    this.maxSize = maxSize;
    this.maxDelay = maxDelay;
    this.consumer = consumer;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, threadName);
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Adds an item; hands its batch over at once if that made it full. */
  void add(T item) {
    List<T> full = null;
    synchronized (this) {
      open.add(item);
      if (open.size() >= maxSize) {
        full = take();
      } else if (open.size() == 1) {
        due = timer.schedule(this::flushDue, maxDelay.toNanos(), TimeUnit.NANOSECONDS);
      }
    }
    if (full != null) {
      consumer.accept(full);
    }
  }

  private void flushDue() {
    List<T> batch;
    synchronized (this) {
      batch = open.isEmpty() ? null : take();
    }
    if (batch != null) {
      consumer.accept(batch);
    }
  }

  private List<T> take() {
    if (due != null) {
      due.cancel(false);
      due = null;
    }
    List<T> batch = open;
    open = new ArrayList<>();
    return batch;
  }

  /**
   * Stops the timer; items not yet handed over are dropped (Flink replays them after a restore).
   */
  @Override
  public void close() {
    timer.shutdownNow();
  }
}
