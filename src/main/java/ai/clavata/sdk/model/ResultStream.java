package ai.clavata.sdk.model;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Results read lazily from a connection, the same for every feature ({@code EvaluationStream},
 * {@code BatchResults}): iterable once; iterating to the end, a failure, or {@link #close()}
 * releases the connection, and results dropped without any of these are released by a {@link
 * java.lang.ref.Cleaner} when garbage collected. Close them yourself (try-with-resources) to free
 * the connection at once.
 *
 * @param <T> the result type
 */
public interface ResultStream<T> extends AutoCloseable, Iterable<T> {

  /**
   * Iterates the results as they arrive; {@code hasNext()} blocks until the next one or the end.
   *
   * @return the iterator
   * @throws IllegalStateException if the results were already iterated
   */
  @Override
  Iterator<T> iterator();

  /**
   * The results as a sequential {@link Stream}; closing it closes these results.
   *
   * @return a new stream
   */
  default Stream<T> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(
                iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  /**
   * Reads every result into a list; mind the heap for millions of results.
   *
   * @return all results, in arrival order
   */
  default List<T> toList() {
    List<T> collected = new ArrayList<>();
    forEach(collected::add);
    return collected;
  }

  /** Releases the connection. Idempotent; safe from any thread. */
  @Override
  void close();
}
