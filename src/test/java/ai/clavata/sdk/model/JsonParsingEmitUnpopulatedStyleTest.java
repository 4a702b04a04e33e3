package ai.clavata.sdk.model;

import static ai.clavata.sdk.model.JsonFixtures.job;
import static ai.clavata.sdk.model.JsonFixtures.jobFixture;
import static ai.clavata.sdk.model.JsonFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Bodies from a gateway that writes every field, empty ones included. */
class JsonParsingEmitUnpopulatedStyleTest {
  @Test
  void runningJobHasNullCompletedAndEmptyLists() throws Exception {
    Job job = jobFixture("model-job-running-emit-unpopulated.json");

    assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(job.isTerminal()).isFalse();
    assertThat(job.completed()).isNull();
    assertThat(job.created()).isEqualTo(Instant.parse("2025-07-10T20:47:27Z"));
    assertThat(job.updated().getNano()).isEqualTo(500_000_000);
    assertThat(job.contentData()).isNotNull().isEmpty();
    assertThat(job.results()).isNotNull().isEmpty();
    assertThat(job.reports()).isEmpty();
    assertThat(job.threshold()).isZero();
    assertThat(job.policyVersionId()).isEmpty();
    assertThat(job.jobType()).isEqualTo(JobType.UNSPECIFIED);
  }

  @Test
  void reportWithEveryNestedMessageNullReadsAsDefaults() throws Exception {
    Job job = jobFixture("model-job-completed-unpopulated-report.json");

    assertThat(job.created()).isNull();
    assertThat(job.updated()).isNull();
    assertThat(job.completed()).isEqualTo(Instant.parse("2025-07-10T20:47:28.120Z"));
    assertThat(job.contentData())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.metadata()).isNotNull().isEmpty();
              assertThat(item.contentHash()).isEmpty();
            });

    JobResult result = job.results().get(0);
    assertThat(result.created()).isNull();
    PolicyEvaluationReport report = result.report();
    assertThat(report).isNotNull();
    assertThat(report.result()).isEqualTo(Outcome.UNSPECIFIED);
    assertThat(report.sections()).isNotNull().isEmpty();
    assertThat(report.exceptionEvaluationReport()).isNull();
    assertThat(report.reviewResult()).isNull();
    assertThat(report.tokenUsage()).isNull();
    assertThat(report.contentMetadata()).isNotNull().isEmpty();
    assertThat(report.labelMatches()).isNotNull().isEmpty();
    assertThat(report.outcome()).isEqualTo(Outcome.UNSPECIFIED);
    assertThat(report.score()).isZero();
    assertThat(report.matchedLabels()).isEmpty();
    assertThat(report.actions()).isEmpty();
  }

  @Test
  void explicitNullsForListsMapsEnumsAndPrimitivesReadAsDefaults() throws Exception {
    Job job =
        job(
            """
        {"jobUuid": "j", "status": null, "contentData": null, "results": null,
         "created": null, "updated": null, "completed": null, "threshold": null,
         "jobType": null, "labelId": null}
        """);

    assertThat(job.status()).isEqualTo(JobStatus.UNSPECIFIED);
    assertThat(job.jobType()).isEqualTo(JobType.UNSPECIFIED);
    assertThat(job.contentData()).isNotNull().isEmpty();
    assertThat(job.results()).isNotNull().isEmpty();
    assertThat(job.completed()).isNull();
    assertThat(job.threshold()).isZero();

    PolicyEvaluationReport report =
        report(
            """
        {"result": null, "sectionEvaluationReports": null, "contentMetadata": null,
         "labelMatches": null, "threshold": null, "reviewResult": null, "tokenUsage": null,
         "exceptionEvaluationReport": null}
        """);
    assertThat(report.result()).isEqualTo(Outcome.UNSPECIFIED);
    assertThat(report.sections()).isNotNull().isEmpty();
    assertThat(report.contentMetadata()).isNotNull().isEmpty();
    assertThat(report.labelMatches()).isNotNull().isEmpty();
    assertThat(report.threshold()).isZero();
    assertThat(report.outcome()).isEqualTo(Outcome.UNSPECIFIED);
  }

  @Test
  void nestedRecordsNormalizeNullsToo() throws Exception {
    PolicyEvaluationReport report =
        report(
            """
        {"sectionEvaluationReports": [
           {"name": "A", "result": null, "message": "", "assertionEvaluationReports": null,
            "exceptionEvaluationReport": {"result": null, "assertionEvaluationReports": null,
                                          "reviewResult": {"outcome": null, "score": null}},
            "reviewResult": {"outcome": "OUTCOME_UNSPECIFIED", "score": 0}},
           {"name": "B", "assertionEvaluationReports": [{"result": null, "message": null, "score": null}]}
         ],
         "tokenUsage": {"inputTokens": null, "billedTokens": null, "multiplier": null}}
        """);

    SectionEvaluationReport a = report.sections().get(0);
    assertThat(a.result()).isEqualTo(Outcome.UNSPECIFIED);
    assertThat(a.assertions()).isNotNull().isEmpty();
    assertThat(a.outcome()).isEqualTo(Outcome.UNSPECIFIED);
    assertThat(a.exceptionEvaluationReport().result()).isEqualTo(Outcome.UNSPECIFIED);
    assertThat(a.exceptionEvaluationReport().assertions()).isNotNull().isEmpty();
    assertThat(a.exceptionEvaluationReport().reviewResult())
        .isEqualTo(new ReviewResult(Outcome.UNSPECIFIED, 0.0));
    assertThat(report.sections().get(1).assertions())
        .containsExactly(new AssertionEvaluationReport(Outcome.UNSPECIFIED, null, 0.0));
    assertThat(report.tokenUsage()).isEqualTo(new TokenUsage(0, 0, 0.0));
  }

  @Test
  void nullElementsAndNullMapValuesAreDropped() throws Exception {
    Job job =
        job(
            """
        {"results": [null, {"jobUuid": "j"}, null], "contentData": [null]}
        """);
    assertThat(job.results()).extracting(JobResult::jobUuid).containsExactly("j");
    assertThat(job.contentData()).isEmpty();

    PolicyEvaluationReport report =
        report(
            """
        {"contentMetadata": {"a": "1", "b": null}, "labelMatches": {"X": null, "Y": 0.5},
         "sectionEvaluationReports": [null]}
        """);
    assertThat(report.contentMetadata()).containsExactly(entry("a", "1"));
    assertThat(report.labelMatches()).containsExactly(entry("Y", 0.5));
    assertThat(report.sections()).isEmpty();
  }
}
