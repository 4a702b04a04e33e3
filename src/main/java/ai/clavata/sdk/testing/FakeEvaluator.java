package ai.clavata.sdk.testing;

import ai.clavata.sdk.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Evaluates content against a fake policy and writes the report the way the gateway does: every
 * field present (unset messages as {@code null}, empty lists and maps), enum names, and the
 * deprecated {@code result} fields filled in too.
 */
final class FakeEvaluator {
  private static final BigInteger FNV_OFFSET =
      new BigInteger("6c62272e07bb014262b821756295c58d", 16);
  private static final BigInteger FNV_PRIME =
      new BigInteger("0000000001000000000000000000013B", 16);
  private static final BigInteger MASK_128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

  private FakeEvaluator() {}

  /**
   * The text a content item is matched on: its text, or its image URL; image bytes match nothing.
   */
  static String matchText(JsonNode item) {
    if (item.hasNonNull("text")) {
      return item.get("text").asText();
    }
    return item.hasNonNull("imageUrl") ? item.get("imageUrl").asText() : "";
  }

  /** The bytes a content item is hashed on. */
  static byte[] contentBytes(JsonNode item) {
    if (item.hasNonNull("image")) {
      return Base64.getMimeDecoder().decode(item.get("image").asText());
    }
    return matchText(item).getBytes(StandardCharsets.UTF_8);
  }

  /** {@code fnv1a128::<32 hex digits>}, as the service prefixes its content hashes. */
  static String contentHash(byte[] content) {
    BigInteger hash = FNV_OFFSET;
    for (byte b : content) {
      hash = hash.xor(BigInteger.valueOf(b & 0xff)).multiply(FNV_PRIME).and(MASK_128);
    }
    return "fnv1a128::" + String.format("%032x", hash);
  }

  /** The PolicyEvaluationReport of one item. */
  static ObjectNode report(
      FakeClavataServer.Policy policy, JsonNode item, double threshold, String contentHash) {
    String text = matchText(item);
    ObjectNode report = Json.MAPPER.createObjectNode();
    report.put("policyId", policy.id());
    report.put("policyKey", "Fake policy " + policy.id());
    report.put("policyVersionId", policy.versionId());
    report.put("name", "");
    ArrayNode sections = Json.MAPPER.createArrayNode();
    ObjectNode labelMatches = Json.MAPPER.createObjectNode();
    double best = 0;
    for (FakePolicy label : policy.labels()) {
      double score = label.scoreOf(text);
      boolean matched = score >= threshold;
      best = Math.max(best, score);
      if (matched) {
        labelMatches.put(label.label(), score);
      }
      ObjectNode section = sections.addObject();
      section.put("name", label.label());
      section.put("result", outcome(matched));
      section.put("message", matched ? "Flag" : "");
      ObjectNode assertion = section.putArray("assertionEvaluationReports").addObject();
      assertion.put("result", outcome(matched));
      assertion.put("message", label.assertion());
      assertion.putNull("sourceRange");
      assertion.put("score", score);
      section.putNull("exceptionEvaluationReport");
      section.putObject("reviewResult").put("outcome", outcome(matched)).put("score", score);
    }
    boolean matched = !labelMatches.isEmpty();
    report.put("result", outcome(matched));
    report.set("sectionEvaluationReports", sections);
    report.putNull("exceptionEvaluationReport");
    report.put("contentHash", contentHash);
    report.set(
        "contentMetadata",
        item.has("metadata") ? item.get("metadata") : Json.MAPPER.createObjectNode());
    report.putObject("reviewResult").put("outcome", outcome(matched)).put("score", best);
    report.put("threshold", threshold);
    report.putObject("featureReports");
    report.set("labelMatches", labelMatches);
    int tokens = Math.max(1, text.length() / 4);
    report
        .putObject("tokenUsage")
        .put("inputTokens", tokens)
        .put("billedTokens", tokens * policy.labels().size())
        .put("multiplier", policy.labels().size());
    report.putNull("internals");
    return report;
  }

  /** The labels cell of a batch results row: {@code [{"label": …, "score": …}, …]}. */
  static String labelsCell(List<FakePolicy> labels, String text) {
    ArrayNode cell = Json.MAPPER.createArrayNode();
    for (FakePolicy label : labels) {
      cell.addObject().put("label", label.label()).put("score", label.scoreOf(text));
    }
    return cell.toString();
  }

  private static String outcome(boolean matched) {
    return matched ? "OUTCOME_TRUE" : "OUTCOME_FALSE";
  }

  /** The request's threshold, or the API's default of 0.5 when it is unset or zero. */
  static double threshold(JsonNode request) {
    double threshold = request.path("threshold").asDouble(0);
    return threshold > 0 ? threshold : 0.5;
  }
}
