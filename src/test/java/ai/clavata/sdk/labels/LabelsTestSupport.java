package ai.clavata.sdk.labels;

import ai.clavata.sdk.model.ContentData;

/** Requests and responses shared by the labels tests. */
final class LabelsTestSupport {
  private LabelsTestSupport() {}

  /** The three label versions of {@code fixtures/labels-evaluate.json}, in its order. */
  static EvaluateLabelsRequest threeLabels() {
    return EvaluateLabelsRequest.builder()
        .content(ContentData.text("I will find you").withMetadata("postId", "42"))
        .addLabelVersionId("lv-threats")
        .addLabelVersionId("lv-missing")
        .addLabelVersionId("lv-spam")
        .build();
  }

  /** One text item against the given label versions. */
  static EvaluateLabelsRequest labels(String... labelVersionIds) {
    EvaluateLabelsRequest.Builder builder =
        EvaluateLabelsRequest.builder().content(ContentData.text("x"));
    for (String id : labelVersionIds) {
      builder.addLabelVersionId(id);
    }
    return builder.build();
  }

  /** A successful result object for a label version, with a score and wire outcome. */
  static String result(String labelVersionId, double score, String outcome) {
    return "{\"labelId\":\"l-"
        + labelVersionId
        + "\",\"labelVersionId\":\""
        + labelVersionId
        + "\",\"jobUuid\":\"job-"
        + labelVersionId
        + "\",\"evaluation\":{\"score\":"
        + score
        + ",\"outcome\":\""
        + outcome
        + "\",\"threshold\":0.5,\"report\":null},\"error\":\"\"}";
  }

  /** An EvaluateLabelsResponse with the given result objects. */
  static String response(String... results) {
    return "{\"contentHash\":\"fnv1a128::ab\",\"results\":[" + String.join(",", results) + "]}";
  }
}
