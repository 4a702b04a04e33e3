package ai.clavata.sdk.batch.internal;

import ai.clavata.sdk.batch.BatchContentType;
import ai.clavata.sdk.batch.BatchInputRow;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Writes and checks batch input files: {@code ref_id,type,content}, RFC 4180 quoting (commas,
 * quotes, newlines and any Unicode in content survive), CRLF line ends, UTF-8. Rows stream through
 * one at a time; only the ref ids' hashes are remembered, to refuse duplicates.
 */
final class InputCsv {
  static final List<String> HEADER = List.of("ref_id", "type", "content");
  static final CsvMapper CSV = new CsvMapper();
  private static final CsvSchema SCHEMA =
      CsvSchema.builder()
          .addColumn("ref_id")
          .addColumn("type")
          .addColumn("content")
          .build()
          .withHeader()
          .withLineSeparator("\r\n");
  /**
   * Jackson encodes the UTF-8 itself, straight into the file's stream, and flushes only when its
   * buffer is full or at the end: with the default FLUSH_AFTER_WRITE_VALUE each row was a write
   * system call through a {@code Writer}.
   */
  private static final ObjectWriter WRITER =
      CSV.writer(SCHEMA).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

  private InputCsv() {}

  /**
   * Writes {@code rows} to {@code file}, checking each.
   *
   * @return the number of rows written
   * @throws IllegalArgumentException naming the first bad row (1-based) and why
   */
  static long write(Iterable<BatchInputRow> rows, Path file) throws IOException {
    RefIdSet seen = new RefIdSet();
    long count = 0;
    try (OutputStream out = Files.newOutputStream(file);
        SequenceWriter csv = WRITER.writeValues(out)) {
      for (BatchInputRow row : rows) {
        count++;
        if (row == null) {
          throw new IllegalArgumentException("batch input row " + count + " is null");
        }
        requireUnique(seen, row.refId(), "row " + count);
        csv.write(new String[] {row.refId(), row.type().csvName(), row.content()});
      }
    }
    return requireRows(count);
  }

  /**
   * Checks an existing input file without loading it: the header, each row's cell count, ref id
   * and type.
   *
   * @return the number of rows
   * @throws IllegalArgumentException naming the first bad row and its line
   */
  static long check(Path file) {
    RefIdSet seen = new RefIdSet();
    long count = 0;
    long line = 1;
    // hasNextValue/nextValue, not hasNext/next: malformed CSV (an unterminated quote, say) must
    // surface as a JacksonException here, not as an unchecked RuntimeJsonMappingException.
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        MappingIterator<String[]> rows = reader().readValues(in)) {
      if (!rows.hasNextValue() || !HEADER.equals(Arrays.asList(trimmed(rows.nextValue())))) {
        throw new IllegalArgumentException(
            file + " must start with the header ref_id,type,content");
      }
      while (true) {
        line = rows.getCurrentLocation().getLineNr();
        if (!rows.hasNextValue()) {
          break;
        }
        String[] cells = rows.nextValue();
        count++;
        String where = "row " + count + " (line " + line + ") of " + file;
        if (cells.length != HEADER.size()) {
          throw new IllegalArgumentException(
              where + " has " + cells.length + " cells; expected ref_id,type,content");
        }
        if (cells[0].isBlank()) {
          throw new IllegalArgumentException(where + " has an empty ref_id");
        }
        if (BatchContentType.fromCsv(cells[1]) == BatchContentType.UNRECOGNIZED) {
          throw new IllegalArgumentException(
              where + " has type '" + cells[1] + "'; expected text or image_url");
        }
        requireUnique(seen, cells[0], where);
      }
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "row " + (count + 1) + " (line " + line + ") of " + file + " is not valid CSV: "
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the batch input file " + file, e);
    }
    return requireRows(count);
  }

  /** A reader of CSV rows as string arrays, header included. */
  static com.fasterxml.jackson.databind.ObjectReader reader() {
    return CSV.readerForArrayOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY);
  }

  private static void requireUnique(RefIdSet seen, String refId, String where) {
    if (!seen.add(refId)) {
      throw new IllegalArgumentException(
          where + " repeats the ref_id '" + refId + "'; every row needs its own ref_id");
    }
  }

  private static long requireRows(long count) {
    if (count == 0) {
      throw new IllegalArgumentException("the batch input has no rows");
    }
    return count;
  }

  private static String[] trimmed(String[] cells) {
    String[] out = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      out[i] = cells[i].trim().replace("\uFEFF", "");
    }
    return out;
  }
}
