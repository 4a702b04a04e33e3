package ai.clavata.sdk.testing;

import ai.clavata.sdk.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fake's published label versions and {@code POST /v1/labels/evaluate}: each label version is
 * evaluated as its own completed job (readable with GetJob and listed by ListJobs), in request
 * order. An unknown label version gets a result with only its id and an {@code error}, while the
 * others succeed; the API documents per-label errors but not which failures are per-label, so this
 * is the fake's choice. Missing content, content given as a list, or 0 or more than 10 label
 * versions answer 400 {@code INVALID_ARGUMENT}.
 */
final class FakeLabels {
  /** The most label versions one request may name, as the API says. */
  static final int MAX_LABEL_VERSIONS = 10;

  /** A published label version; evaluated as a one-label policy named after it. */
  record Label(String labelId, String labelVersionId, FakePolicy label) {
    FakeClavataServer.Policy policy() {
      return new FakeClavataServer.Policy(labelId, labelVersionId, List.of(label));
    }
  }

  private final Map<String, Label> labels = new ConcurrentHashMap<>();
  private final FakeJobs jobs;

  FakeLabels(FakeJobs jobs) {
    this.jobs = jobs;
  }

  /** Defines or replaces a label version; its label id is derived from the label's name. */
  void define(String labelVersionId, FakePolicy label) {
    if (labelVersionId == null || labelVersionId.isBlank()) {
      throw new IllegalArgumentException("a fake label version needs an id");
    }
    if (label == null) {
      throw new IllegalArgumentException("label version " + labelVersionId + " needs a label");
    }
    String labelId =
        UUID.nameUUIDFromBytes(("label:" + label.label()).getBytes(StandardCharsets.UTF_8))
            .toString();
    labels.put(labelVersionId, new Label(labelId, labelVersionId, label));
  }

  /** Answers an EvaluateLabels request. */
  void evaluate(FakeExchange exchange) throws IOException {
    JsonNode request = exchange.json();
    JsonNode item = request.path("contentData");
    JsonNode ids = request.path("labelVersionIds");
    if (!item.isObject()) {
      exchange.sendStatus(
          400, 3, "contentData is required and must be one ContentData object, not a list");
      return;
    }
    if (!ids.isArray() || ids.isEmpty() || ids.size() > MAX_LABEL_VERSIONS) {
      exchange.sendStatus(400, 3, "labelVersionIds must name 1 to 10 label versions");
      return;
    }
    double threshold = threshold(request);
    ObjectNode response = Json.MAPPER.createObjectNode();
    response.put("contentHash", FakeEvaluator.contentHash(FakeEvaluator.contentBytes(item)));
    ArrayNode results = response.putArray("results");
    for (JsonNode id : ids) {
      Label label = labels.get(id.asText());
      results.add(label == null ? unknown(id.asText()) : evaluate(label, item, threshold));
    }
    exchange.sendJson(200, response);
  }

  private ObjectNode evaluate(Label label, JsonNode item, double threshold) {
    ObjectNode jobRequest = Json.MAPPER.createObjectNode();
    jobRequest.putArray("contentData").add(item);
    jobRequest.put("threshold", threshold);
    jobRequest.put("waitForCompletion", true);
    JsonNode job = jobs.create(label.policy(), jobRequest).path("job");
    ObjectNode report = (ObjectNode) job.path("results").path(0).path("report");
    report.put("labelId", label.labelId());
    report.put("labelVersionId", label.labelVersionId());
    ObjectNode result = Json.MAPPER.createObjectNode();
    result.put("labelId", label.labelId());
    result.put("labelVersionId", label.labelVersionId());
    result.put("jobUuid", job.path("jobUuid").asText());
    ObjectNode evaluation = result.putObject("evaluation");
    JsonNode review = report.path("reviewResult");
    evaluation.put("score", review.path("score").asDouble());
    evaluation.put("outcome", review.path("outcome").asText());
    evaluation.put("threshold", threshold);
    evaluation.set("report", report);
    result.put("error", "");
    return result;
  }

  /** A failed label's result, written as the gateway writes unset fields. */
  private static ObjectNode unknown(String labelVersionId) {
    ObjectNode result = Json.MAPPER.createObjectNode();
    result.put("labelId", "");
    result.put("labelVersionId", labelVersionId);
    result.put("jobUuid", "");
    result.putNull("evaluation");
    result.put("error", "label version " + labelVersionId + " not found or not published");
    return result;
  }

  /** The request's threshold, else {@code labelEvalOptions.threshold}, else 0.5. */
  private static double threshold(JsonNode request) {
    double threshold = request.path("threshold").asDouble(0);
    if (threshold <= 0) {
      threshold = request.path("labelEvalOptions").path("threshold").asDouble(0);
    }
    return threshold > 0 ? threshold : 0.5;
  }
}
