package ai.clavata.sdk.internal.jobs;

import ai.clavata.sdk.internal.json.WireWriter;
import ai.clavata.sdk.jobs.CreateJobRequest;
import ai.clavata.sdk.jobs.ListJobsRequest;
import ai.clavata.sdk.model.Job;
import ai.clavata.sdk.model.JobStatus;
import ai.clavata.sdk.model.TimeRange;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import okhttp3.HttpUrl;

/** The jobs endpoints' wire shapes: request bodies, query strings and response envelopes. */
final class JobsWire {
  private JobsWire() {}

  /** {@code {"job": Job}}: the answer of CreateJob and GetJob. */
  record JobEnvelope(Job job) {}

  /** {@code {"jobs": [...], "nextPageToken": "..."}}: the answer of ListJobs. */
  record JobList(List<Job> jobs, String nextPageToken) {
    JobList {
      jobs = jobs == null ? List.of() : jobs;
    }
  }

  /**
   * The CreateJobRequest body, written straight to bytes; {@code waitForCompletion} is sent only
   * when true.
   */
  static byte[] createBody(CreateJobRequest request) {
    return WireWriter.bytes(
        json -> {
          WireWriter.writeEvaluationFields(
              json,
              request.contentData(),
              null,
              null,
              request.policyId(),
              request.threshold(),
              request.expedited(),
              request.options());
          if (request.waitForCompletion()) {
            json.writeBooleanField("waitForCompletion", true);
          }
          if (request.webhook() != null) {
            WireWriter.writeWebhook(json, request.webhook());
          }
        });
  }

  /**
   * The ListJobs query: nested fields as dotted {@code query.*} keys, timestamps in RFC 3339 UTC,
   * the status by enum name, and unset filters omitted.
   */
  static void addListQuery(HttpUrl.Builder url, ListJobsRequest request) {
    addTimeRange(url, "query.createdTimeRange", request.createdTimeRange());
    addTimeRange(url, "query.updatedTimeRange", request.updatedTimeRange());
    addTimeRange(url, "query.completedTimeRange", request.completedTimeRange());
    if (request.status() != null && request.status() != JobStatus.UNSPECIFIED) {
      url.addQueryParameter("query.status", request.status().wireName());
    }
    if (request.policyId() != null) {
      url.addQueryParameter("query.policyId", request.policyId());
    }
    if (request.pageSize() != null) {
      url.addQueryParameter("pageSize", request.pageSize().toString());
    }
    if (request.pageToken() != null) {
      url.addQueryParameter("pageToken", request.pageToken());
    }
  }

  private static void addTimeRange(HttpUrl.Builder url, String prefix, TimeRange range) {
    if (range == null) {
      return;
    }
    if (range.start() != null) {
      url.addQueryParameter(prefix + ".start", timestamp(range.start()));
    }
    if (range.end() != null) {
      url.addQueryParameter(prefix + ".end", timestamp(range.end()));
    }
    if (range.inclusive()) {
      url.addQueryParameter(prefix + ".inclusive", "true");
    }
  }

  private static String timestamp(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
