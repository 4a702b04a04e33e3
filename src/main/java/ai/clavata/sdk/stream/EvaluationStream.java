package ai.clavata.sdk.stream;

import ai.clavata.sdk.errors.StreamInterruptedException;
import ai.clavata.sdk.model.EvaluationResult;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The results of one streamed evaluation, each handed over as soon as its line arrives.
 *
 * <pre>{@code
 * try (EvaluationStream results = client.stream().evaluate(request)) {
 *   for (EvaluationResult r : results) {
 *     moderate(request.contentData().get(r.inputIndex()), r.report().outcome());
 *   }
 * }
 * }</pre>
 *
 * <p>It can be iterated once. Iterating to the end, a failure, or {@link #close()} releases the
 * HTTP response; a stream that is dropped without any of these is released by a {@link Cleaner}
 * when it is garbage collected, but close it yourself (try-with-resources) to free the connection
 * at once. Not thread-safe, except that {@link #close()} may be called from another thread to stop
 * a stream that is blocked waiting for a line.
 *
 * <p>Whatever ends the stream early (an error line, a broken or silent connection, a line that
 * cannot be read, a result that answers no input, an end with inputs unanswered) ends the
 * iteration with a {@link StreamInterruptedException} whose cause says which, after the results
 * already delivered. A stream is never silently shorter.
 */
public final class EvaluationStream implements AutoCloseable, Iterable<EvaluationResult> {
  private static final Cleaner CLEANER = Cleaner.create();

  private final Iterator<EvaluationResult> results;
  private final Cleaner.Cleanable release;
  private boolean iterated;

  private EvaluationStream(Iterator<EvaluationResult> results, Runnable release) {
    this.results = results;
    this.release = CLEANER.register(this, release);
  }

  /**
   * A stream over results that {@code results} produces and {@code release} frees. The release
   * action runs once, on {@link #close()} or when the stream is garbage collected; it must not
   * refer to the stream.
   *
   * @param results the results, read lazily
   * @param release frees the underlying resources
   * @return a new stream
   */
  public static EvaluationStream of(Iterator<EvaluationResult> results, Runnable release) {
    return new EvaluationStream(
        Objects.requireNonNull(results, "results"), Objects.requireNonNull(release, "release"));
  }

  /**
   * A stream over fixed results, for tests of code that uses a mocked {@link StreamClient}.
   *
   * @param results the results to hand out
   * @return a new stream
   */
  public static EvaluationStream of(List<EvaluationResult> results) {
    return of(List.copyOf(results).iterator(), () -> {});
  }

  /**
   * Iterates the results as they arrive. {@code hasNext()} blocks until the next line or the end.
   *
   * @return the iterator
   * @throws IllegalStateException if the stream was already iterated
   */
  @Override
  public Iterator<EvaluationResult> iterator() {
    if (iterated) {
      throw new IllegalStateException("an EvaluationStream can be iterated only once");
    }
    iterated = true;
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        boolean more;
        try {
          more = results.hasNext();
        } catch (RuntimeException failure) {
          close();
          throw failure;
        }
        if (!more) {
          close();
        }
        return more;
      }

      @Override
      public EvaluationResult next() {
        return results.next();
      }
    };
  }

  /**
   * The results as a sequential {@link Stream}; closing it closes this stream.
   *
   * @return a new stream
   */
  public Stream<EvaluationResult> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  /**
   * Reads every result into a list. If the stream breaks, the
   * {@link StreamInterruptedException} carries the results collected so far in
   * {@link StreamInterruptedException#results()}.
   *
   * @return all results, in arrival order
   */
  public List<EvaluationResult> toList() {
    List<EvaluationResult> collected = new ArrayList<>();
    try {
      for (EvaluationResult result : this) {
        collected.add(result);
      }
    } catch (StreamInterruptedException e) {
      throw new StreamInterruptedException(
          e.getCause(), collected, e.resultsReceived(), e.unansweredInputs());
    }
    return collected;
  }

  /** Stops the stream and releases the HTTP response. Idempotent; safe from any thread. */
  @Override
  public void close() {
    release.clean();
  }
}
