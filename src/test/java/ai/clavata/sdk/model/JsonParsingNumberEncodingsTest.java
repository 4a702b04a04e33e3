package ai.clavata.sdk.model;

import static ai.clavata.sdk.model.JsonFixtures.job;
import static ai.clavata.sdk.model.JsonFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import ai.clavata.sdk.internal.Json;
import org.junit.jupiter.api.Test;

/** Numbers as numbers, as strings, and the special floats. */
class JsonParsingNumberEncodingsTest {
  @Test
  void numbersMayArriveAsStrings() throws Exception {
    PolicyEvaluationReport report =
        report(
            """
        {"threshold": "0.7",
         "reviewResult": {"outcome": "OUTCOME_TRUE", "score": "0.25"},
         "tokenUsage": {"inputTokens": "12", "billedTokens": "24", "multiplier": "2.5"},
         "labelMatches": {"A": "0.5"},
         "sectionEvaluationReports": [
           {"name": "A", "assertionEvaluationReports": [{"score": "0.125"}]}]}
        """);

    assertThat(report.threshold()).isEqualTo(0.7);
    assertThat(report.score()).isEqualTo(0.25);
    assertThat(report.tokenUsage()).isEqualTo(new TokenUsage(12, 24, 2.5));
    assertThat(report.labelMatches()).containsExactly(entry("A", 0.5));
    assertThat(report.sections().get(0).assertions().get(0).score()).isEqualTo(0.125);
    assertThat(job("{\"threshold\": \"0.7\"}").threshold()).isEqualTo(0.7);
  }

  @Test
  void specialFloatStringsParse() throws Exception {
    assertThat(Json.MAPPER.readValue("{\"score\": \"NaN\"}", ReviewResult.class).score()).isNaN();
    assertThat(Json.MAPPER.readValue("{\"score\": \"Infinity\"}", ReviewResult.class).score())
        .isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(Json.MAPPER.readValue("{\"score\": \"-Infinity\"}", ReviewResult.class).score())
        .isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(report("{\"threshold\": \"NaN\"}").threshold()).isNaN();
    assertThat(report("{\"labelMatches\": {\"A\": \"Infinity\"}}").labelMatches().get("A"))
        .isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(Json.MAPPER.readValue("{\"multiplier\": \"NaN\"}", TokenUsage.class).multiplier())
        .isNaN();
  }

  @Test
  void negativeOneScoreOfAFailedEvaluationIsKept() throws Exception {
    ReviewResult review =
        Json.MAPPER.readValue(
            "{\"outcome\": \"OUTCOME_FAILED\", \"score\": -1}", ReviewResult.class);
    assertThat(review).isEqualTo(new ReviewResult(Outcome.FAILED, -1.0));
  }

  @Test
  void explicitNullForPrimitivesIsZero() throws Exception {
    assertThat(
            Json.MAPPER.readValue(
                "{\"inputTokens\": null, \"billedTokens\": null, \"multiplier\": null}",
                TokenUsage.class))
        .isEqualTo(new TokenUsage(0, 0, 0.0));
    assertThat(Json.MAPPER.readValue("{\"score\": null}", AssertionEvaluationReport.class).score())
        .isZero();
    assertThat(job("{\"threshold\": null}").threshold()).isZero();
  }
}
