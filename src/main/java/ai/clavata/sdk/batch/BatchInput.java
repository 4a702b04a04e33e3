package ai.clavata.sdk.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The items of a batch: rows you generate, or a CSV file you already have. Either way the SDK
 * checks every row before uploading (unique, non-blank ref ids; known types), naming the first bad
 * row, and never holds the whole input in memory.
 *
 * <pre>{@code
 * BatchInput.of(List.of(BatchInputRow.text("1", "hello"), BatchInputRow.text("2", "world")));
 * BatchInput.of(posts.stream().map(p -> BatchInputRow.text(p.id(), p.body())));
 * BatchInput.fromCsv(Path.of("backlog.csv"));      // header ref_id,type,content
 * }</pre>
 */
public sealed interface BatchInput permits BatchInput.Rows, BatchInput.CsvFile {

  /**
   * Rows from an {@link Iterable}, read once per upload.
   *
   * @param rows the rows
   * @return the input
   */
  static BatchInput of(Iterable<BatchInputRow> rows) {
    return new Rows(Objects.requireNonNull(rows, "rows"));
  }

  /**
   * Rows from a {@link Stream}, which can be read only once: such an input can be uploaded once.
   *
   * @param rows the rows
   * @return the input
   */
  static BatchInput of(Stream<BatchInputRow> rows) {
    Objects.requireNonNull(rows, "rows");
    return new Rows(rows::iterator);
  }

  /**
   * An existing CSV file with the header {@code ref_id,type,content}, uploaded as it is.
   *
   * @param file the file
   * @return the input
   * @throws IllegalArgumentException if the file does not exist
   */
  static BatchInput fromCsv(Path file) {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("batch input file does not exist: " + file);
    }
    return new CsvFile(file);
  }

  /**
   * Rows written to a temporary CSV file for the upload.
   *
   * @param rows the rows
   */
  record Rows(Iterable<BatchInputRow> rows) implements BatchInput {}

  /**
   * A CSV file uploaded as it is.
   *
   * @param file the file
   */
  record CsvFile(Path file) implements BatchInput {}
}
