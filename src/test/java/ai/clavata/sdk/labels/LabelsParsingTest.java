package ai.clavata.sdk.labels;

import static ai.clavata.sdk.TestResponses.ok;
import static ai.clavata.sdk.labels.LabelsTestSupport.labels;
import static ai.clavata.sdk.labels.LabelsTestSupport.response;
import static ai.clavata.sdk.labels.LabelsTestSupport.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ai.clavata.sdk.Fixtures;
import ai.clavata.sdk.MockServerTest;
import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.model.Outcome;
import org.junit.jupiter.api.Test;

/** Reading EvaluateLabelsResponse: every field, odd encodings, order, and broken responses. */
class LabelsParsingTest extends MockServerTest {

  @Test
  void readsEveryFieldOfEachResultAndTheReport() {
    server.enqueue(ok(Fixtures.read("labels-evaluate.json")));

    LabelEvaluation evaluation = client.labels().evaluate(LabelsTestSupport.threeLabels());

    assertThat(evaluation.contentHash()).isEqualTo("fnv1a128::9b2f7c3a1d4e5f60718293a4b5c6d7e8");
    assertThat(evaluation.results())
        .extracting(LabelResult::labelVersionId)
        .containsExactly("lv-threats", "lv-missing", "lv-spam");
    LabelResult threats = evaluation.results().get(0);
    assertThat(threats.labelId()).isEqualTo("label-threats");
    assertThat(threats.jobUuid()).isEqualTo("job-1");
    assertThat(threats.outcome()).isEqualTo(Outcome.TRUE);
    assertThat(threats.score()).isEqualTo(0.93);
    assertThat(threats.threshold()).isEqualTo(0.6);
    assertThat(threats.error()).isEmpty();
    assertThat(threats.matched()).isTrue();
    assertThat(threats.report().matchedLabels()).containsEntry("Threats", 0.93);
    assertThat(threats.report().labelVersionId()).isEqualTo("lv-threats");
    assertThat(threats.report().contentMetadata()).containsEntry("postId", "42");
    assertThat(threats.report().tokenUsage().billedTokens()).isEqualTo(12);
    LabelResult spam = evaluation.result("lv-spam").orElseThrow();
    assertThat(spam.outcome()).isEqualTo(Outcome.FALSE);
    assertThat(spam.matched()).isFalse();
    assertThat(spam.report().outcome()).isEqualTo(Outcome.FALSE);
  }

  @Test
  void aFailedLabelIsDataWhileTheOthersSucceed() {
    server.enqueue(ok(Fixtures.read("labels-evaluate.json")));

    LabelEvaluation evaluation = client.labels().evaluate(LabelsTestSupport.threeLabels());

    LabelResult missing = evaluation.results().get(1);
    assertThat(missing.error()).contains("label version lv-missing is not published");
    assertThat(missing.failed()).isTrue();
    assertThat(missing.matched()).isFalse();
    assertThat(missing.report()).isNull();
    assertThat(missing.outcome()).isEqualTo(Outcome.UNSPECIFIED);
    assertThat(missing.jobUuid()).isEmpty();
    assertThat(evaluation.failures()).containsExactly(missing);
    assertThat(evaluation.results().get(0).failed()).isFalse();
    assertThat(evaluation.results().get(2).failed()).isFalse();
  }

  @Test
  void numbersAsStringsUnknownFieldsAndEnumsAndMissingFieldsAreTolerated() {
    server.enqueue(ok(Fixtures.read("labels-evaluate-odd-encodings.json")));

    LabelEvaluation evaluation = client.labels().evaluate(labels("lv-a", "lv-b", "lv-c"));

    LabelResult a = evaluation.results().get(0);
    assertThat(a.score()).isEqualTo(0.75);
    assertThat(a.threshold()).isEqualTo(0.5);
    assertThat(a.outcome()).isEqualTo(Outcome.UNRECOGNIZED);
    assertThat(a.report().tokenUsage().inputTokens()).isEqualTo(7);
    assertThat(a.error()).isEmpty();
    LabelResult b = evaluation.results().get(1);
    assertThat(b.outcome()).isEqualTo(Outcome.TRUE);
    assertThat(b.score()).isZero();
    assertThat(b.labelId()).isEmpty();
    assertThat(b.jobUuid()).isEmpty();
    assertThat(b.report()).isNull();
    LabelResult c = evaluation.results().get(2);
    assertThat(c.outcome()).isEqualTo(Outcome.UNSPECIFIED);
    assertThat(c.error()).isEmpty();
    assertThat(c.report()).isNull();
  }

  @Test
  void outcomeAndScoreFallBackToTheReportWhenTheEvaluationLacksThem() {
    server.enqueue(
        ok(
            response(
                "{\"labelVersionId\":\"lv-1\",\"evaluation\":{\"report\":"
                    + "{\"reviewResult\":{\"outcome\":\"OUTCOME_TRUE\",\"score\":0.8},"
                    + "\"threshold\":0.7}}}")));

    LabelResult result = client.labels().evaluate(labels("lv-1")).results().get(0);

    assertThat(result.outcome()).isEqualTo(Outcome.TRUE);
    assertThat(result.score()).isEqualTo(0.8);
    assertThat(result.threshold()).isEqualTo(0.7);
  }

  @Test
  void resultsInAnotherOrderArePutBackInTheRequestsOrder() {
    server.enqueue(
        ok(
            response(
                result("lv-3", 0.3, "OUTCOME_FALSE"),
                result("lv-1", 0.9, "OUTCOME_TRUE"),
                result("lv-2", 0.2, "OUTCOME_FALSE"))));

    LabelEvaluation evaluation = client.labels().evaluate(labels("lv-1", "lv-2", "lv-3"));

    assertThat(evaluation.results())
        .extracting(LabelResult::labelVersionId, LabelResult::score)
        .containsExactly(tuple("lv-1", 0.9), tuple("lv-2", 0.2), tuple("lv-3", 0.3));
  }

  @Test
  void resultsWithoutIdsKeepTheServersOrderAndGetTheRequestedIds() {
    server.enqueue(
        ok(
            response(
                "{\"labelVersionId\":\"\",\"jobUuid\":\"j1\"}",
                "{\"jobUuid\":\"j2\",\"error\":\"boom\"}")));

    LabelEvaluation evaluation = client.labels().evaluate(labels("lv-1", "lv-2"));

    assertThat(evaluation.results())
        .extracting(LabelResult::labelVersionId)
        .containsExactly("lv-1", "lv-2");
    assertThat(evaluation.results()).extracting(LabelResult::jobUuid).containsExactly("j1", "j2");
    assertThat(evaluation.result("lv-2").orElseThrow().error()).contains("boom");
  }

  @Test
  void idsThatDoNotMatchTheRequestKeepTheServersOrderAndIds() {
    server.enqueue(
        ok(response(result("LV-1", 0.9, "OUTCOME_TRUE"), result("lv-2", 0.2, "OUTCOME_FALSE"))));

    LabelEvaluation evaluation = client.labels().evaluate(labels("lv-1", "lv-2"));

    assertThat(evaluation.results())
        .extracting(LabelResult::labelVersionId)
        .containsExactly("LV-1", "lv-2");
  }

  @Test
  void fewerResultsThanLabelVersionsIsADecodeErrorNamingTheJobs() {
    server.enqueue(ok(response(result("lv-1", 0.9, "OUTCOME_TRUE"))));

    assertThatThrownBy(() -> client.labels().evaluate(labels("lv-1", "lv-2")))
        .isInstanceOf(ClavataDecodeException.class)
        .hasMessageContaining("1 results for 2 label versions")
        .hasMessageContaining("job-lv-1");
  }

  @Test
  void noResultsAtAllIsADecodeError() {
    server.enqueue(ok("{\"contentHash\":\"h\"}"));

    assertThatThrownBy(() -> client.labels().evaluate(labels("lv-1")))
        .isInstanceOf(ClavataDecodeException.class)
        .hasMessageContaining("0 results for 1 label versions")
        .hasMessageContaining("none");
  }

  @Test
  void aNullResultIsADecodeError() {
    server.enqueue(ok(response("null")));

    assertThatThrownBy(() -> client.labels().evaluate(labels("lv-1")))
        .isInstanceOf(ClavataDecodeException.class)
        .hasMessageContaining("results[0] is null");
  }

  @Test
  void aBodyThatIsNotJsonIsADecodeError() {
    server.enqueue(ok("<html>gateway</html>"));

    assertThatThrownBy(() -> client.labels().evaluate(labels("lv-1")))
        .isInstanceOf(ClavataDecodeException.class)
        .hasMessageContaining("POST /v1/labels/evaluate");
  }
}
