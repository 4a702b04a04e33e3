package ai.clavata.sdk.batch;

import ai.clavata.sdk.internal.OneShotResults;
import ai.clavata.sdk.model.ResultStream;
import java.util.List;

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
 * <p>It is a {@link ResultStream}: iterable once, and the download released at the end, on a
 * failure, by {@link #close()}, or by a Cleaner when forgotten. A malformed row ends the iteration
 * with a {@link ai.clavata.sdk.errors.ClavataDecodeException} naming its line; a download that
 * breaks with a {@link ai.clavata.sdk.errors.ClavataIoException}.
 */
public interface BatchResults extends ResultStream<BatchResultRow> {

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
}
