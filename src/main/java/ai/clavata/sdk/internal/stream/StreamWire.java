package ai.clavata.sdk.internal.stream;

import ai.clavata.sdk.internal.json.WireWriter;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.PolicyEvaluationReport;
import ai.clavata.sdk.stream.EvaluateRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stream endpoint's wire shapes: the request body and one NDJSON line. */
final class StreamWire {
  private StreamWire() {}

  /** One line: {@code {"result": EvaluateResponse}} or {@code {"error": Status}}. */
  record Line(EvaluateResponse result, JsonNode error) {}

  /** One streamed message. */
  record EvaluateResponse(
      String jobUuid, String contentHash, PolicyEvaluationReport policyEvaluationReport) {}

  /**
   * The EvaluateRequest body for the inputs at {@code indexes}, each tagged with its index when the
   * request correlates inputs. Written straight to bytes: a stream request may hold thousands of
   * items.
   */
  static byte[] body(EvaluateRequest request, List<Integer> indexes) {
    List<ContentData> items = indexes.stream().map(request.contentData()::get).toList();
    String tagKey = request.correlateInputs() ? EvaluateRequest.INPUT_INDEX_KEY : null;
    return WireWriter.bytes(
        json ->
            WireWriter.writeEvaluationFields(
                json,
                items,
                tagKey,
                position -> indexes.get(position).toString(),
                request.policyId(),
                request.threshold(),
                request.expedited(),
                request.options()));
  }

  /** The input index a report carries, or -1. */
  static int inputIndex(PolicyEvaluationReport report, int inputCount) {
    if (report == null) {
      return -1;
    }
    String tag = report.contentMetadata().get(EvaluateRequest.INPUT_INDEX_KEY);
    if (tag == null) {
      return -1;
    }
    try {
      int index = Integer.parseInt(tag);
      return index >= 0 && index < inputCount ? index : -1;
    } catch (NumberFormatException notAnIndex) {
      return -1;
    }
  }

  /** The report without the correlation key in its metadata, so callers see only their own. */
  static PolicyEvaluationReport withoutTag(PolicyEvaluationReport report) {
    if (report == null || !report.contentMetadata().containsKey(EvaluateRequest.INPUT_INDEX_KEY)) {
      return report;
    }
    Map<String, String> metadata = new LinkedHashMap<>(report.contentMetadata());
    metadata.remove(EvaluateRequest.INPUT_INDEX_KEY);
    return new PolicyEvaluationReport(
        report.policyId(),
        report.policyKey(),
        report.policyVersionId(),
        report.result(),
        report.sections(),
        report.exceptionEvaluationReport(),
        report.contentHash(),
        metadata,
        report.reviewResult(),
        report.threshold(),
        report.labelMatches(),
        report.tokenUsage(),
        report.labelId(),
        report.labelVersionId());
  }
}
