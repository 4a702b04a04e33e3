package ai.clavata.sdk.model;

import static ai.clavata.sdk.model.JsonFixtures.job;
import static ai.clavata.sdk.model.JsonFixtures.jobFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.internal.Json;
import org.junit.jupiter.api.Test;

/** Bodies from a gateway that leaves empty fields out. */
class JsonParsingOmitEmptyStyleTest {
  @Test
  void missingFieldsReadAsDefaults() throws Exception {
    Job job = jobFixture("model-job-omit-empty.json");

    assertThat(job.jobUuid()).isEqualTo("2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a");
    assertThat(job.customerId()).isNull();
    assertThat(job.status()).isEqualTo(JobStatus.UNSPECIFIED);
    assertThat(job.isTerminal()).isFalse();
    assertThat(job.jobType()).isEqualTo(JobType.UNSPECIFIED);
    assertThat(job.contentData()).isNotNull().isEmpty();
    assertThat(job.created()).isNull();
    assertThat(job.completed()).isNull();
    assertThat(job.threshold()).isZero();
    assertThat(job.results()).hasSize(2);
    assertThat(job.results().get(1).report()).isNull();
    assertThat(job.reports()).hasSize(1);

    PolicyEvaluationReport report = job.reports().get(0);
    assertThat(report.result()).isEqualTo(Outcome.UNSPECIFIED);
    assertThat(report.contentMetadata()).isNotNull().isEmpty();
    assertThat(report.labelMatches()).isNotNull().isEmpty();
    assertThat(report.outcome()).isEqualTo(Outcome.UNSPECIFIED);

    SectionEvaluationReport spam = report.sections().get(0);
    assertThat(spam.name()).isEqualTo("Spam");
    assertThat(spam.result()).isEqualTo(Outcome.UNSPECIFIED);
    assertThat(spam.message()).isNull();
    assertThat(spam.assertions()).isNotNull().isEmpty();
    assertThat(spam.exceptionEvaluationReport()).isNull();
    assertThat(spam.reviewResult()).isNull();
    assertThat(spam.outcome()).isEqualTo(Outcome.UNSPECIFIED);
    assertThat(spam.score()).isZero();
  }

  @Test
  void emptyObjectsReadAsAllDefaults() throws Exception {
    Job job = job("{}");
    assertThat(job.status()).isEqualTo(JobStatus.UNSPECIFIED);
    assertThat(job.jobType()).isEqualTo(JobType.UNSPECIFIED);
    assertThat(job.contentData()).isEmpty();
    assertThat(job.results()).isEmpty();
    assertThat(job.reports()).isEmpty();

    assertThat(Json.MAPPER.readValue("{}", SectionEvaluationReport.class).assertions()).isEmpty();
    assertThat(Json.MAPPER.readValue("{}", ExceptionEvaluationReport.class).outcome())
        .isEqualTo(Outcome.UNSPECIFIED);
    assertThat(Json.MAPPER.readValue("{}", AssertionEvaluationReport.class).result())
        .isEqualTo(Outcome.UNSPECIFIED);
    assertThat(Json.MAPPER.readValue("{}", ReviewResult.class))
        .isEqualTo(new ReviewResult(Outcome.UNSPECIFIED, 0.0));
    assertThat(Json.MAPPER.readValue("{}", ContentData.class).metadata()).isEmpty();
  }

  @Test
  void parsedListsAndMapsAreImmutable() throws Exception {
    Job job = jobFixture("job-completed.json");
    PolicyEvaluationReport report = job.reports().get(0);

    assertThatThrownBy(() -> job.results().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> job.contentData().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> report.sections().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> report.labelMatches().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> report.contentMetadata().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
