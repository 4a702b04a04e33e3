package ai.clavata.sdk.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import mockwebserver3.MockResponse;

/** Small helpers shared by the jobs tests. */
final class JobsTestSupport {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JobsTestSupport() {}

  /** Parses JSON text into a tree for structural comparison. */
  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A 200 JSON response. */
  static MockResponse ok(String body) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  /** {@code {"job": {...}}} with an id and a wire status such as {@code JOB_STATUS_RUNNING}. */
  static String jobEnvelope(String jobUuid, String wireStatus) {
    return "{\"job\":" + job(jobUuid, wireStatus) + "}";
  }

  /** A job object with an id and a wire status. */
  static String job(String jobUuid, String wireStatus) {
    return "{\"jobUuid\":\"" + jobUuid + "\",\"status\":\"" + wireStatus
        + "\",\"contentData\":[],\"results\":[],\"threshold\":0.5}";
  }

  /** A ListJobs response. */
  static String page(String nextPageToken, String... jobs) {
    return "{\"jobs\":[" + String.join(",", jobs) + "],\"nextPageToken\":\"" + nextPageToken + "\"}";
  }
}
