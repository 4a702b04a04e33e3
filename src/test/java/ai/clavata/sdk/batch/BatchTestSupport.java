package ai.clavata.sdk.batch;

import ai.clavata.sdk.model.BatchJob;
import ai.clavata.sdk.model.BatchJobState;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Small helpers shared by the batch tests. */
final class BatchTestSupport {
  private BatchTestSupport() {}

  /** A completed batch job whose results file is at {@code outputFileUrl}. */
  static BatchJob completed(String outputFileUrl) {
    return new BatchJob(
        "bj-1",
        "n",
        BatchJobState.COMPLETED,
        Instant.EPOCH,
        Instant.EPOCH,
        "pol-1",
        "pv-1",
        outputFileUrl);
  }

  /** A completed batch job whose results file is on {@code storage}, with a presigned query. */
  static BatchJob completedOn(MockWebServer storage) {
    return completed(storage.url("/out/bj-1.csv?X-Amz-Signature=sig").toString());
  }

  /** An empty 200 response, as a storage host answers a PUT. */
  static MockResponse stored() {
    return new MockResponse.Builder().code(200).addHeader("ETag", "\"abc\"").build();
  }

  /** A 200 CSV response. */
  static MockResponse csv(String body) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "text/csv")
        .body(body)
        .build();
  }

  /** A response with a status and an S3-like XML body. */
  static MockResponse xml(int code, String s3Code, String message) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/xml")
        .body(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
                + s3Code
                + "</Code><Message>"
                + message
                + "</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>")
        .build();
  }

  /** A grpc-gateway style error. */
  static MockResponse error(int code, int grpcCode, String message) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body("{\"code\":" + grpcCode + ",\"message\":\"" + message + "\",\"details\":[]}")
        .build();
  }

  /** The answer of POST /v1/batch-jobs. */
  static String created(String id, String uploadUrl) {
    return "{\"batchJobId\":\""
        + id
        + "\",\"name\":\"nightly\",\"inputFileUploadUrl\":\""
        + uploadUrl
        + "\"}";
  }

  /** A batch job object with a wire state and an output URL (may be null). */
  static String job(String id, String wireState, String outputFileUrl) {
    return "{\"batchJobId\":\""
        + id
        + "\",\"name\":\"nightly\",\"state\":\""
        + wireState
        + "\",\"createdAt\":\"2026-01-02T03:04:05Z\",\"updatedAt\":\"2026-01-02T04:05:06.5Z\","
        + "\"policyId\":\"pol-1\",\"policyVersionId\":\"pv-1\""
        + (outputFileUrl == null ? "" : ",\"outputFileUrl\":\"" + outputFileUrl + "\"")
        + "}";
  }

  /** {@code {"batchJobs":[...]}}. */
  static String jobs(String... jobs) {
    return "{\"batchJobs\":[" + String.join(",", jobs) + "]}";
  }

  /** Takes every request the server has recorded so far, as "METHOD /path" lines. */
  static List<String> drainLines(MockWebServer server) throws InterruptedException {
    return drain(server).stream().map(r -> r.getMethod() + " " + r.getUrl().encodedPath()).toList();
  }

  /** Takes every request the server has recorded so far. */
  static List<RecordedRequest> drain(MockWebServer server) throws InterruptedException {
    List<RecordedRequest> out = new ArrayList<>();
    RecordedRequest r;
    while ((r = server.takeRequest(0, TimeUnit.MILLISECONDS)) != null) {
      out.add(r);
    }
    return out;
  }

  /**
   * A strict, hand-written RFC 4180 reader, independent of the SDK's CSV library: records end in
   * CRLF, a field holding a comma, quote, CR or LF must be quoted, and quotes inside are doubled.
   * Throws on anything else.
   */
  static List<List<String>> parseRfc4180(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (text.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            throw new IllegalArgumentException("unterminated quoted field at " + i);
          }
          char c = text.charAt(i++);
          if (c == '"') {
            if (i < n && text.charAt(i) == '"') {
              field.append('"');
              i++;
            } else {
              break;
            }
          } else {
            field.append(c);
          }
        }
      } else {
        while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r') {
          char c = text.charAt(i++);
          if (c == '"' || c == '\n') {
            throw new IllegalArgumentException("unquoted field holds " + (int) c + " at " + i);
          }
          field.append(c);
        }
      }
      record.add(field.toString());
      field.setLength(0);
      if (i >= n) {
        throw new IllegalArgumentException("the last record does not end in CRLF");
      }
      char sep = text.charAt(i++);
      if (sep == ',') {
        continue;
      }
      if (sep != '\r' || i >= n || text.charAt(i) != '\n') {
        throw new IllegalArgumentException("expected CRLF at " + (i - 1));
      }
      i++;
      records.add(record);
      record = new ArrayList<>();
    }
    return records;
  }

  /**
   * Reads CSV text with an independent RFC 4180 reader (jackson-dataformat-csv), header included.
   */
  static List<List<String>> parseCsv(String text) {
    CsvMapper mapper = new CsvMapper();
    List<List<String>> rows = new ArrayList<>();
    try (MappingIterator<String[]> it =
        mapper
            .readerForArrayOf(String.class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY)
            .readValues(text)) {
      while (it.hasNextValue()) {
        rows.add(List.of(it.nextValue()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
