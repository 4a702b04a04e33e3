package ai.clavata.sdk.testing;

import ai.clavata.sdk.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The fake's jobs: created by CreateJob (answered PENDING unless {@code waitForCompletion}, then
 * COMPLETED from the first read on), read by GetJob, listed with filters and keyset paging.
 */
final class FakeJobs {
  private static final String CUSTOMER_ID = "00000000-0000-4000-8000-00000000c0de";

  /** One stored job: its finished form, and whether it has been shown finished yet. */
  private static final class StoredJob {
    final long sequence;
    final ObjectNode completed;
    boolean shownCompleted;

    StoredJob(long sequence, ObjectNode completed) {
      this.sequence = sequence;
      this.completed = completed;
    }
  }

  private final Map<String, StoredJob> jobs = new LinkedHashMap<>();
  private long sequence;

  /** Evaluates the request's items and returns the CreateJobResponse. */
  synchronized ObjectNode create(FakeClavataServer.Policy policy, JsonNode request) {
    Instant now = Instant.now();
    String jobUuid = UUID.randomUUID().toString();
    double threshold = FakeEvaluator.threshold(request);
    ObjectNode job = Json.MAPPER.createObjectNode();
    job.put("jobUuid", jobUuid);
    job.put("customerId", CUSTOMER_ID);
    job.put("status", "JOB_STATUS_COMPLETED");
    job.putNull("metadata");
    ArrayNode contentData = job.putArray("contentData");
    ArrayNode results = job.putArray("results");
    for (JsonNode item : request.path("contentData")) {
      String hash = FakeEvaluator.contentHash(FakeEvaluator.contentBytes(item));
      ObjectNode echoed = contentData.addObject().put("contentHash", hash);
      echoed.set(
          "metadata", item.has("metadata") ? item.get("metadata") : Json.MAPPER.createObjectNode());
      ObjectNode result = results.addObject();
      result.put("uuid", UUID.randomUUID().toString());
      result.put("jobUuid", jobUuid);
      result.put("contentHash", hash);
      result.set("report", FakeEvaluator.report(policy, item, threshold, hash));
      result.put("created", now.toString());
    }
    job.put("created", now.toString());
    job.put("updated", now.toString());
    job.put("completed", now.toString());
    job.put("policyId", policy.id());
    job.put("policyVersionId", policy.versionId());
    job.put("threshold", threshold);
    StoredJob stored = new StoredJob(++sequence, job);
    jobs.put(jobUuid, stored);
    boolean wait = request.path("waitForCompletion").asBoolean(false);
    stored.shownCompleted = wait;
    return envelope(wait ? job : pending(job));
  }

  /** The job as it is once completed, without marking it shown; {@code null} if unknown. */
  synchronized ObjectNode completed(String jobUuid) {
    StoredJob stored = jobs.get(jobUuid);
    return stored == null ? null : stored.completed.deepCopy();
  }

  /** The GetJobResponse, or {@code null} for an unknown id. */
  synchronized ObjectNode get(String jobUuid) {
    StoredJob stored = jobs.get(jobUuid);
    if (stored == null) {
      return null;
    }
    stored.shownCompleted = true;
    return envelope(stored.completed);
  }

  /** The ListJobsResponse for the query, keyset-paged by creation order. */
  synchronized ObjectNode list(FakeExchange exchange) throws IOException {
    int pageSize = pageSize(exchange.queryValue("pageSize"));
    long after = token(exchange.queryValue("pageToken"));
    List<StoredJob> page = new ArrayList<>();
    boolean more = false;
    for (StoredJob stored : jobs.values()) {
      if (stored.sequence <= after || !matches(stored, exchange)) {
        continue;
      }
      if (page.size() == pageSize) {
        more = true;
        break;
      }
      page.add(stored);
    }
    ObjectNode response = Json.MAPPER.createObjectNode();
    ArrayNode array = response.putArray("jobs");
    for (StoredJob stored : page) {
      array.add(stored.shownCompleted ? stored.completed : pending(stored.completed));
    }
    String next = more ? "after-" + page.get(page.size() - 1).sequence : "";
    response.put("nextPageToken", next);
    return response;
  }

  private static boolean matches(StoredJob stored, FakeExchange exchange) {
    ObjectNode job = stored.shownCompleted ? stored.completed : pending(stored.completed);
    String status = exchange.queryValue("query.status");
    if (status != null
        && !status.equals("JOB_STATUS_UNSPECIFIED")
        && !status.equals(job.path("status").asText())) {
      return false;
    }
    String policyId = exchange.queryValue("query.policyId");
    if (policyId != null && !policyId.equals(job.path("policyId").asText())) {
      return false;
    }
    return inRange(exchange, "query.createdTimeRange", job.path("created").asText(null))
        && inRange(exchange, "query.updatedTimeRange", job.path("updated").asText(null))
        && inRange(exchange, "query.completedTimeRange", job.path("completed").asText(null));
  }

  private static boolean inRange(FakeExchange exchange, String prefix, String value) {
    String start = exchange.queryValue(prefix + ".start");
    String end = exchange.queryValue(prefix + ".end");
    if (start == null && end == null) {
      return true;
    }
    if (value == null) {
      return false;
    }
    boolean inclusive = "true".equals(exchange.queryValue(prefix + ".inclusive"));
    Instant at = Instant.parse(value);
    if (start != null) {
      int cmp = at.compareTo(java.time.OffsetDateTime.parse(start).toInstant());
      if (cmp < 0 || (cmp == 0 && !inclusive)) {
        return false;
      }
    }
    if (end != null) {
      int cmp = at.compareTo(java.time.OffsetDateTime.parse(end).toInstant());
      return cmp < 0 || (cmp == 0 && inclusive);
    }
    return true;
  }

  private static ObjectNode pending(ObjectNode completed) {
    ObjectNode pending = completed.deepCopy();
    pending.put("status", "JOB_STATUS_PENDING");
    pending.putArray("results");
    pending.putNull("completed");
    return pending;
  }

  private static ObjectNode envelope(ObjectNode job) {
    ObjectNode envelope = Json.MAPPER.createObjectNode();
    envelope.set("job", job);
    return envelope;
  }

  private static int pageSize(String value) {
    int size = value == null ? 10 : Integer.parseInt(value);
    return size <= 0 ? 10 : Math.min(size, 1000);
  }

  private static long token(String value) {
    if (value == null || value.isEmpty()) {
      return 0;
    }
    if (!value.startsWith("after-")) {
      throw new IllegalArgumentException("invalid page token");
    }
    return Long.parseLong(value.substring("after-".length()));
  }
}
