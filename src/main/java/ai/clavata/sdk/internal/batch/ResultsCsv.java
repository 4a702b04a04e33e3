package ai.clavata.sdk.internal.batch;

import ai.clavata.sdk.batch.BatchContentType;
import ai.clavata.sdk.batch.BatchLabel;
import ai.clavata.sdk.batch.BatchResultRow;
import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.internal.Json;
import ai.clavata.sdk.internal.http.IoErrors;
import ai.clavata.sdk.internal.http.Redactor;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads a batch results file ({@code ref_id,type,labels,content,error}) row by row as it downloads.
 * Columns are found by header name, so their order does not matter; {@code labels} is a JSON array
 * of {@code {"label"|"name": …, "score": …}}, and an empty cell means no labels.
 */
final class ResultsCsv implements Iterator<BatchResultRow> {
  private static final String WHAT = "the batch results file";
  private final MappingIterator<String[]> rows;
  private final Redactor redactor;
  private final Map<String, Integer> columns = new HashMap<>();
  private int refId;
  private int type;
  private int labels;
  private int content;
  private int error;
  private long line;

  ResultsCsv(InputStream body, Redactor redactor) {
    this.redactor = redactor;
    try {
      // Blank lines (such as a trailing one) are not rows; hasNextValue/nextValue, not
      // hasNext/next, so that malformed CSV is a JacksonException mapped by failure().
      rows =
          InputCsv.reader()
              .with(CsvParser.Feature.SKIP_EMPTY_LINES)
              .readValues(body); // bytes: Jackson decodes UTF-8 itself, faster than a Reader
      if (!rows.hasNextValue()) {
        throw new ClavataDecodeException(
            WHAT + ": it is empty, without even a header", 1, "", null);
      }
      String[] header = rows.nextValue();
      for (int i = 0; i < header.length; i++) {
        String name = header[i].trim().replace("\uFEFF", "");
        if (columns.put(name, i) != null) {
          throw redactor.decodeError(
              WHAT + ": its header names the column \"" + name + "\" twice",
              1,
              excerpt(String.join(",", header)),
              null);
        }
      }
      if (!columns.containsKey("ref_id")) {
        throw redactor.decodeError(
            WHAT + ": its header has no ref_id column", 1, excerpt(String.join(",", header)), null);
      }
      refId = columns.get("ref_id");
      type = columns.getOrDefault("type", -1);
      labels = columns.getOrDefault("labels", -1);
      content = columns.getOrDefault("content", -1);
      error = columns.getOrDefault("error", -1);
    } catch (IOException e) {
      throw failure(e, 1);
    }
  }

  @Override
  public boolean hasNext() {
    try {
      line = rows.getCurrentLocation().getLineNr();
      return rows.hasNextValue();
    } catch (IOException e) {
      throw failure(e, line);
    }
  }

  @Override
  public BatchResultRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more result rows");
    }
    String[] cells;
    try {
      cells = rows.nextValue();
    } catch (IOException e) {
      throw failure(e, line);
    }
    if (cells.length != columns.size()) {
      throw redactor.decodeError(
          WHAT + ": the row has " + cells.length + " cells but the header has " + columns.size(),
          line,
          excerpt(String.join(",", cells)),
          null);
    }
    return new BatchResultRow(
        cells[refId],
        BatchContentType.fromCsv(cell(cells, type)),
        labels(cell(cells, labels)),
        cell(cells, content),
        cell(cells, error));
  }

  private static String cell(String[] cells, int index) {
    return index < 0 ? "" : cells[index];
  }

  /** Reads the labels cell with a streaming parser: no tree per row. */
  private List<BatchLabel> labels(String cell) {
    if (cell.isBlank()) {
      return List.of();
    }
    try (JsonParser json = Json.MAPPER.getFactory().createParser(cell)) {
      if (json.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException("labels is not a JSON array");
      }
      List<BatchLabel> parsed = new ArrayList<>(4);
      while (json.nextToken() == JsonToken.START_OBJECT) {
        parsed.add(label(json));
      }
      if (json.currentToken() != JsonToken.END_ARRAY || json.nextToken() != null) {
        throw new IOException("labels must be an array of objects");
      }
      return parsed;
    } catch (IOException e) {
      throw redactor.decodeError(WHAT + ": the labels cell is malformed", line, excerpt(cell), e);
    }
  }

  /** One {@code {"label"|"name": string, "score": number or numeric string}}; others ignored. */
  private static BatchLabel label(JsonParser json) throws IOException {
    String name = null;
    Double score = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      if ((field.equals("label") || (field.equals("name") && name == null))
          && value == JsonToken.VALUE_STRING) {
        name = json.getText();
      } else if (field.equals("score") && value.isNumeric()) {
        score = json.getDoubleValue();
      } else if (field.equals("score") && value == JsonToken.VALUE_STRING) {
        score = parseScore(json.getText());
      } else {
        json.skipChildren();
      }
    }
    if (name == null || score == null) {
      throw new IOException("each label needs a \"label\" (or \"name\") and a numeric \"score\"");
    }
    return new BatchLabel(name, score);
  }

  private static Double parseScore(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  /** A parse error is a decode error; a download that failed underneath the parser is I/O. */
  private RuntimeException failure(IOException e, long line) {
    IOException io = e instanceof JacksonException jackson ? Json.ioCause(jackson) : e;
    if (io == null) {
      return redactor.decodeError(WHAT + ": it is not valid CSV", line, "", e);
    }
    return IoErrors.toException("downloading " + WHAT + " (at line " + line + ")", io, redactor);
  }

  private static String excerpt(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
