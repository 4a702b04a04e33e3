package ai.clavata.sdk.bench;

import ai.clavata.sdk.model.EvaluationResult;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the streams of one {@link ConcurrentStreamsBenchmark} mode received: results, results out of
 * order, failures (with the first one kept), streams complete, and how many streams were open (had
 * their first result and not yet ended) at once.
 */
final class StreamTally {
  private final int lines;
  private final LongAdder results = new LongAdder();
  private final LongAdder outOfOrder = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder complete = new LongAdder();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger maxOpen = new AtomicInteger();
  private final AtomicReference<Throwable> firstError = new AtomicReference<>();

  /** Counts streams that each should deliver {@code lines} results. */
  StreamTally(int lines) {
    this.lines = lines;
  }

  /** The view of one new stream; it must be used by one thread at a time. */
  Stream stream() {
    return new Stream();
  }

  long results() {
    return results.sum();
  }

  long outOfOrder() {
    return outOfOrder.sum();
  }

  long errors() {
    return errors.sum();
  }

  long complete() {
    return complete.sum();
  }

  int maxOpen() {
    return maxOpen.get();
  }

  Throwable firstError() {
    return firstError.get();
  }

  /** One stream's counts. */
  final class Stream {
    private int received;
    private boolean ended;

    private Stream() {}

    /** Counts one result; the server sends input {@code i} as the {@code i}-th line. */
    void result(EvaluationResult result) {
      if (received == 0) {
        maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
      }
      if (result.inputIndex() != received || result.report() == null) {
        outOfOrder.increment();
      }
      received++;
      results.increment();
    }

    /** Ends the stream, normally ({@code error == null}) or not. */
    void end(Throwable error) {
      if (ended) {
        return;
      }
      ended = true;
      if (received > 0) {
        open.decrementAndGet();
      }
      if (error != null) {
        Throwable cause =
            error instanceof CompletionException && error.getCause() != null
                ? error.getCause()
                : error;
        errors.increment();
        firstError.compareAndSet(null, cause);
      } else if (received == lines) {
        complete.increment();
      }
    }
  }
}
