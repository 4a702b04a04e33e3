package ai.clavata.sdk.batch.internal;

import ai.clavata.sdk.batch.BatchContentType;
import ai.clavata.sdk.batch.BatchLabel;
import ai.clavata.sdk.batch.BatchResultRow;
import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.internal.http.IoErrors;
import ai.clavata.sdk.internal.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads a batch results file ({@code ref_id,type,labels,content,error}) row by row as it
 * downloads. Columns are found by header name, so their order does not matter; {@code labels} is
 * a JSON array of {@code {"label"|"name": …, "score": …}}, and an empty cell means no labels.
 */
final class ResultsCsv implements Iterator<BatchResultRow> {
  private static final String WHAT = "the batch results file";
  private final MappingIterator<String[]> rows;
  private final Map<String, Integer> columns = new HashMap<>();
  private long line;

  ResultsCsv(InputStream body) {
    try {
      // Blank lines (such as a trailing one) are not rows; hasNextValue/nextValue, not
      // hasNext/next, so that malformed CSV is a JacksonException mapped by failure().
      rows =
          InputCsv.reader()
              .with(CsvParser.Feature.SKIP_EMPTY_LINES)
              .readValues(new InputStreamReader(body, StandardCharsets.UTF_8));
      if (!rows.hasNextValue()) {
        throw new ClavataDecodeException(WHAT + ": it is empty, without even a header", 1, "", null);
      }
      String[] header = rows.nextValue();
      for (int i = 0; i < header.length; i++) {
        columns.put(header[i].trim().replace("\uFEFF", ""), i);
      }
      if (!columns.containsKey("ref_id")) {
        throw new ClavataDecodeException(
            WHAT + ": its header has no ref_id column", 1, String.join(",", header), null);
      }
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
      throw new ClavataDecodeException(
          WHAT + ": the row has " + cells.length + " cells but the header has " + columns.size(),
          line,
          excerpt(String.join(",", cells)),
          null);
    }
    return new BatchResultRow(
        cell(cells, "ref_id"),
        BatchContentType.fromCsv(cell(cells, "type")),
        labels(cell(cells, "labels")),
        cell(cells, "content"),
        cell(cells, "error"));
  }

  private String cell(String[] cells, String column) {
    Integer index = columns.get(column);
    return index == null ? "" : cells[index];
  }

  private List<BatchLabel> labels(String cell) {
    if (cell.isBlank()) {
      return List.of();
    }
    try {
      JsonNode array = Json.MAPPER.readTree(cell);
      if (!array.isArray()) {
        throw new IOException("labels is not a JSON array");
      }
      List<BatchLabel> labels = new ArrayList<>(array.size());
      for (JsonNode label : array) {
        JsonNode name = label.has("label") ? label.get("label") : label.get("name");
        JsonNode score = label.get("score");
        if (name == null || !name.isTextual() || score == null || !isNumber(score)) {
          throw new IOException("each label needs a \"label\" (or \"name\") and a numeric \"score\"");
        }
        labels.add(new BatchLabel(name.asText(), score.asDouble()));
      }
      return labels;
    } catch (IOException e) {
      throw new ClavataDecodeException(WHAT + ": the labels cell is malformed", line, excerpt(cell), e);
    }
  }

  private static boolean isNumber(JsonNode node) {
    if (node.isNumber()) {
      return true;
    }
    try {
      Double.parseDouble(node.asText());
      return node.isTextual();
    } catch (NumberFormatException notANumber) {
      return false;
    }
  }

  private static RuntimeException failure(IOException e, long line) {
    if (e instanceof com.fasterxml.jackson.core.JacksonException) {
      return new ClavataDecodeException(WHAT + ": it is not valid CSV", line, "", e);
    }
    return IoErrors.toException("downloading " + WHAT, e);
  }

  private static String excerpt(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
