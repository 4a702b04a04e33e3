package ai.clavata.sdk.internal;

import java.lang.ref.Cleaner;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The behaviour every result stream of the SDK shares ({@code EvaluationStream}, {@code
 * BatchResults}): results read lazily from a source that holds a connection, iterable once, and the
 * source released at the end of the iteration, on a failure, on {@link #close()}, or by a {@link
 * Cleaner} when the results are dropped without any of these.
 *
 * <p>The public result types are interfaces; their implementations extend this class, which
 * supplies their {@code iterator()} and {@code close()}:
 *
 * <pre>{@code
 * final class LiveEvaluationStream extends OneShotResults<EvaluationResult>
 *     implements EvaluationStream { ... }
 * }</pre>
 *
 * @param <T> the result type
 */
public abstract class OneShotResults<T> implements Iterable<T>, AutoCloseable {
  private static final Cleaner CLEANER = Cleaner.create();

  private final Iterator<T> source;
  private final Cleaner.Cleanable release;
  private final String name;
  private boolean iterated;

  /**
   * Results from {@code source}, released by {@code release}.
   *
   * @param source the results, read lazily
   * @param release frees the source; runs once, and must not refer to what it releases, or the
   *     Cleaner could never run it
   * @param name what the results are called in messages, such as {@code "an EvaluationStream"}
   */
  protected OneShotResults(Iterator<T> source, Runnable release, String name) {
    this.source = Objects.requireNonNull(source, "source");
    this.release = CLEANER.register(this, Objects.requireNonNull(release, "release"));
    this.name = name;
  }

  /**
   * Iterates the results as they arrive; the end or a failure releases the source.
   *
   * @return the iterator
   * @throws IllegalStateException if the results were already iterated
   */
  @Override
  public Iterator<T> iterator() {
    if (iterated) {
      throw new IllegalStateException(name + " can be iterated only once");
    }
    iterated = true;
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        boolean more;
        try {
          more = source.hasNext();
        } catch (RuntimeException | Error failure) {
          close();
          throw failure;
        }
        if (!more) {
          close();
        }
        return more;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no more results in " + name);
        }
        return source.next();
      }
    };
  }

  /** Releases the source. Idempotent; safe from any thread. */
  @Override
  public void close() {
    release.clean();
  }
}
