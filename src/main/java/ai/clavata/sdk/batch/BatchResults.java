package ai.clavata.sdk.batch;

import ai.clavata.sdk.internal.OneShotResults;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The rows of a batch results file, downloaded and parsed lazily as you iterate: memory stays flat
 * for any file size.
 *
 * <pre>{@code
 * try (BatchResults rows = client.batch().results(done)) {
 *   for (BatchResultRow row : rows) {
 *     if (row.isError()) retry(row.refId()); else store(row.refId(), row.labels());
 *   }
 * }
 * }</pre>
 *
 * <p>It behaves as an {@code EvaluationStream}: iterable once; iterating to the end, a failure, or
 * {@link #close()} releases the download, and results dropped without any of these are released by
 * a {@link java.lang.ref.Cleaner} when garbage collected (close them yourself to free the
 * connection at once). A malformed row ends the iteration with a {@link
 * ai.clavata.sdk.errors.ClavataDecodeException} naming its line; a download that breaks with a
 * {@link ai.clavata.sdk.errors.ClavataIoException}.
 */
public interface BatchResults extends AutoCloseable, Iterable<BatchResultRow> {

  /**
   * Fixed results, for tests of code that uses a mocked {@link BatchClient}. They behave as real
   * ones: iterable once, closed at the end.
   *
   * @param rows the rows
   * @return the results
   */
  static BatchResults of(List<BatchResultRow> rows) {
    final class Fixed extends OneShotResults<BatchResultRow> implements BatchResults {
      Fixed() {
        super(List.copyOf(rows).iterator(), () -> {}, "BatchResults");
      }
    }
    return new Fixed();
  }

  /**
   * Iterates the rows as they are downloaded.
   *
   * @return the iterator
   * @throws IllegalStateException if the results were already iterated
   */
  @Override
  Iterator<BatchResultRow> iterator();

  /**
   * The rows as a sequential {@link Stream}; closing it closes these results.
   *
   * @return a new stream
   */
  default Stream<BatchResultRow> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(
                iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  /**
   * Reads every row into a list; mind the heap for files of millions of rows.
   *
   * @return all rows, in file order
   */
  default List<BatchResultRow> toList() {
    List<BatchResultRow> collected = new ArrayList<>();
    forEach(collected::add);
    return collected;
  }

  /** Releases the download. Idempotent; safe from any thread. */
  @Override
  void close();
}
