package ai.clavata.sdk.internal.labels;

import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.internal.json.WireWriter;
import ai.clavata.sdk.labels.EvaluateLabelsRequest;
import ai.clavata.sdk.labels.LabelEvaluation;
import ai.clavata.sdk.labels.LabelResult;
import ai.clavata.sdk.model.Outcome;
import ai.clavata.sdk.model.PolicyEvaluationReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The label endpoint's wire shapes, from the OpenAPI document ({@code v1EvaluateLabelsRequest},
 * {@code v1EvaluateLabelsResponse}, {@code LabelResultEvaluation}, {@code v1LabelEvalOptions}): the
 * request body, and the response read into records that the public {@link LabelResult} is made
 * from.
 */
final class LabelsWire {
  private LabelsWire() {}

  /** {@code v1EvaluateLabelsResponse}. */
  record Response(String contentHash, List<WireResult> results) {
    Response {
      results = results == null ? List.of() : results;
    }
  }

  /** {@code v1EvaluateLabelsResponseLabelResult}. */
  record WireResult(
      String labelId, String labelVersionId, String jobUuid, Evaluation evaluation, String error) {}

  /**
   * {@code LabelResultEvaluation}; the numbers are boxed to tell absent from 0, so that an absent
   * one falls back to the report's.
   */
  record Evaluation(
      Double score, Outcome outcome, Double threshold, PolicyEvaluationReport report) {}

  /**
   * The body, in schema order. The schema has two thresholds: the request's own {@code threshold}
   * and {@code labelEvalOptions.threshold}; this follows the request's, which the evaluation's
   * "effective threshold" documents as the one it substitutes 0.5 for. {@code
   * labelEvalOptions.stack} (an internal stack name) is not offered. {@code bundleSize} is an
   * int64, so a JSON string as protojson writes it; {@code labelEvalOptions} is omitted when
   * nothing in it is set.
   */
  static byte[] body(EvaluateLabelsRequest request) {
    return WireWriter.bytes(
        json -> {
          WireWriter.writeContent(json, "contentData", request.content());
          if (request.threshold() != null) {
            json.writeNumberField("threshold", request.threshold());
          }
          json.writeArrayFieldStart("labelVersionIds");
          for (String id : request.labelVersionIds()) {
            json.writeString(id);
          }
          json.writeEndArray();
          if (request.bypassCache() != null
              || request.expedited() != null
              || request.bundleSize() != null) {
            json.writeObjectFieldStart("labelEvalOptions");
            if (request.bypassCache() != null) {
              json.writeBooleanField("bypassCache", request.bypassCache());
            }
            if (request.expedited() != null) {
              json.writeBooleanField("expedited", request.expedited());
            }
            if (request.bundleSize() != null) {
              json.writeStringField("bundleSize", request.bundleSize().toString());
            }
            json.writeEndObject();
          }
          if (request.globalContext() != null) {
            json.writeStringField("globalContext", request.globalContext());
          }
        });
  }

  /**
   * The evaluation, its results in request order. The API promises that order; should a server send
   * the same label versions in another order, they are put back in the request's. When the results'
   * ids do not match the request's (missing, say), the server's order is kept and an empty {@code
   * labelVersionId} is filled from the request at the same position.
   *
   * @throws ClavataDecodeException if there are more or fewer results than label versions
   */
  static LabelEvaluation evaluation(Response response, EvaluateLabelsRequest request) {
    List<String> requested = request.labelVersionIds();
    List<WireResult> results = response.results();
    if (results.size() != requested.size()) {
      throw countMismatch(results, requested.size());
    }
    List<WireResult> ordered = inRequestOrder(results, requested);
    List<LabelResult> out = new ArrayList<>(ordered.size());
    for (int i = 0; i < ordered.size(); i++) {
      WireResult result = ordered.get(i);
      if (result == null) {
        throw new ClavataDecodeException(
            "the response of " + RealLabelsClient.EVALUATE + ": results[" + i + "] is null",
            0,
            "",
            null);
      }
      out.add(toResult(result, requested.get(i)));
    }
    return new LabelEvaluation(response.contentHash(), out);
  }

  /** The results sorted by the request's ids when they are exactly those ids; else as they are. */
  private static List<WireResult> inRequestOrder(List<WireResult> results, List<String> requested) {
    Map<String, WireResult> byId = new HashMap<>();
    for (WireResult result : results) {
      if (result == null
          || result.labelVersionId() == null
          || byId.put(result.labelVersionId(), result) != null) {
        return results;
      }
    }
    List<WireResult> ordered = new ArrayList<>(requested.size());
    for (String id : requested) {
      WireResult result = byId.get(id);
      if (result == null) {
        return results;
      }
      ordered.add(result);
    }
    return ordered;
  }

  private static LabelResult toResult(WireResult result, String requestedId) {
    Evaluation evaluation = result.evaluation();
    PolicyEvaluationReport report = evaluation == null ? null : evaluation.report();
    Outcome outcome = evaluation == null ? null : evaluation.outcome();
    if ((outcome == null || outcome == Outcome.UNSPECIFIED) && report != null) {
      outcome = report.outcome();
    }
    Double score = evaluation == null ? null : evaluation.score();
    if (score == null && report != null) {
      score = report.score();
    }
    Double threshold = evaluation == null ? null : evaluation.threshold();
    if (threshold == null && report != null) {
      threshold = report.threshold();
    }
    String labelVersionId =
        result.labelVersionId() == null || result.labelVersionId().isEmpty()
            ? requestedId
            : result.labelVersionId();
    return new LabelResult(
        result.labelId(),
        labelVersionId,
        result.jobUuid(),
        outcome,
        score == null ? 0 : score,
        threshold == null ? 0 : threshold,
        report,
        Optional.ofNullable(result.error()));
  }

  private static ClavataDecodeException countMismatch(List<WireResult> results, int requested) {
    List<String> jobs = new ArrayList<>();
    for (WireResult result : results) {
      if (result != null && result.jobUuid() != null && !result.jobUuid().isEmpty()) {
        jobs.add(result.jobUuid());
      }
    }
    return new ClavataDecodeException(
        "the response of "
            + RealLabelsClient.EVALUATE
            + ": "
            + results.size()
            + " results for "
            + requested
            + " label versions; the jobs it names: "
            + (jobs.isEmpty() ? "none" : String.join(", ", jobs)),
        0,
        "",
        null);
  }
}
