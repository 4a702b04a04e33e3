package ai.clavata.sdk.internal.batch;

import ai.clavata.sdk.batch.BatchContentType;
import ai.clavata.sdk.batch.BatchInputRow;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
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
import java.util.Iterator;
import java.util.List;

/**
 * Writes and checks batch input files: {@code ref_id,type,content}, RFC 4180 quoting (commas,
 * quotes, newlines and any Unicode in content survive), CRLF line ends, UTF-8. Rows stream through
 * one at a time; only the ref ids' hashes are remembered, to refuse duplicates (see {@link
 * RefIdCheck}).
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

  private InputCsv() {}

  /**
   * Writes {@code rows} to {@code file}, checking each.
   *
   * @return the number of rows written
   * @throws IllegalArgumentException naming the first bad row (1-based) and why
   */
  static long write(Iterable<BatchInputRow> rows, Path file) throws IOException {
    RefIdCheck refIds = new RefIdCheck(null);
    Iterator<BatchInputRow> iterator = rows.iterator();
    long count = 0;
    try (CsvGenerator csv = generator(file)) {
      while (true) {
        BatchInputRow row;
        try {
          if (!iterator.hasNext()) {
            break;
          }
          row = iterator.next();
        } catch (RuntimeException e) {
          throw refIds.firstProblem(e);
        }
        count++;
        if (row == null) {
          throw refIds.firstProblem(
              new IllegalArgumentException("batch input row " + count + " is null"));
        }
        refIds.add(row.refId(), 0);
        csv.writeStartArray();
        csv.writeString(row.refId());
        csv.writeString(row.type().csvName());
        csv.writeString(row.content());
        csv.writeEndArray();
      }
    }
    refIds.finish();
    return requireRows(count);
  }

  /**
   * Checks an existing input file without loading it: the header, each row's cell count, ref id and
   * type.
   *
   * @return the number of rows
   * @throws IllegalArgumentException naming the first bad row and its line
   */
  static long check(Path file) {
    RefIdCheck refIds = new RefIdCheck(file.toString());
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
        String problem = problem(cells);
        if (problem != null) {
          throw refIds.firstProblem(
              new IllegalArgumentException(refIds.where(count, line) + problem));
        }
        refIds.add(cells[0], line);
      }
    } catch (JacksonException e) {
      throw refIds.firstProblem(
          new IllegalArgumentException(
              refIds.where(count + 1, line) + " is not valid CSV: " + e.getOriginalMessage(), e));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the batch input file " + file, e);
    }
    refIds.finish();
    return requireRows(count);
  }

  /** What is wrong with a row's cells, said after "row N", or null. */
  private static String problem(String[] cells) {
    if (cells.length != HEADER.size()) {
      return " has " + cells.length + " cells; expected ref_id,type,content";
    }
    if (cells[0].isBlank()) {
      return " has an empty ref_id";
    }
    if (BatchContentType.fromCsv(cells[1]) == BatchContentType.UNRECOGNIZED) {
      return " has type '" + cells[1] + "'; expected text or image_url";
    }
    return null;
  }

  /**
   * A streaming CSV writer to {@code file}. Jackson encodes the UTF-8 itself, straight into the
   * file's stream, and writes only full buffers: a row costs no allocation beyond Jackson's own and
   * no system call (databind's {@code SequenceWriter} flushes after every row by default).
   */
  private static CsvGenerator generator(Path file) throws IOException {
    OutputStream out = Files.newOutputStream(file);
    try {
      CsvGenerator csv = CSV.getFactory().createGenerator(out);
      csv.setSchema(SCHEMA);
      return csv;
    } catch (IOException | RuntimeException e) {
      out.close();
      throw e;
    }
  }

  /** A reader of CSV rows as string arrays, header included. */
  static ObjectReader reader() {
    return CSV.readerForArrayOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY);
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
