package ai.clavata.sdk.batch;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The rows of a batch results file, downloaded and parsed lazily as you iterate: memory stays
 * flat for any file size. Iterable once; close it (try-with-resources) to release the download.
 *
 * <pre>{@code
 * try (BatchResults rows = client.batch().results(done)) {
 *   for (BatchResultRow row : rows) {
 *     if (row.isError()) retry(row.refId()); else store(row.refId(), row.labels());
 *   }
 * }
 * }</pre>
 *
 * <p>A malformed row ends the iteration with a
 * {@link ai.clavata.sdk.errors.ClavataDecodeException} naming its line.
 */
public final class BatchResults implements AutoCloseable, Iterable<BatchResultRow> {
  private final Iterator<BatchResultRow> rows;
  private final Closeable download;
  private boolean iterated;

  private BatchResults(Iterator<BatchResultRow> rows, Closeable download) {
    this.rows = rows;
    this.download = download;
  }

  /**
   * Results read from {@code rows} and released by closing {@code download}.
   *
   * @param rows the rows, read lazily
   * @param download what to close when done
   * @return the results
   */
  public static BatchResults of(Iterator<BatchResultRow> rows, Closeable download) {
    return new BatchResults(
        Objects.requireNonNull(rows, "rows"), Objects.requireNonNull(download, "download"));
  }

  /**
   * Fixed results, for tests of code that uses a mocked {@link BatchClient}.
   *
   * @param rows the rows
   * @return the results
   */
  public static BatchResults of(List<BatchResultRow> rows) {
    return of(List.copyOf(rows).iterator(), () -> {});
  }

  /**
   * Iterates the rows as they are downloaded.
   *
   * @return the iterator
   * @throws IllegalStateException if the results were already iterated
   */
  @Override
  public Iterator<BatchResultRow> iterator() {
    if (iterated) {
      throw new IllegalStateException("BatchResults can be iterated only once");
    }
    iterated = true;
    return rows;
  }

  /**
   * The rows as a sequential {@link Stream}; closing it closes these results.
   *
   * @return a new stream
   */
  public Stream<BatchResultRow> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  /** Releases the download. Idempotent. */
  @Override
  public void close() {
    try {
      download.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not close the results download", e);
    }
  }
}
