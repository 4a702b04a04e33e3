package ai.clavata.sdk.model;

import static ai.clavata.sdk.model.JsonFixtures.jobFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A completed job as the gateway writes it, read field by field. */
class JsonParsingCompletedFixtureTest {
  @Test
  void readsTheJob() throws Exception {
    Job job = jobFixture("job-completed.json");

    assertThat(job.jobUuid()).isEqualTo("7f6c1f0e-3b7a-4c56-9d3e-0a1b2c3d4e5f");
    assertThat(job.customerId()).isEqualTo("c0ffee00-1111-4222-8333-444455556666");
    assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(job.isTerminal()).isTrue();
    assertThat(job.policyId()).isEqualTo("11111111-2222-4333-8444-555555555555");
    assertThat(job.policyVersionId()).isEqualTo("66666666-7777-4888-9999-000000000000");
    assertThat(job.threshold()).isEqualTo(0.5);
    assertThat(job.jobType()).isEqualTo(JobType.UNSPECIFIED);
    assertThat(job.labelId()).isNull();
    assertThat(job.labelVersionId()).isNull();
  }

  @Test
  void readsTheEchoedContentWithoutContent() throws Exception {
    Job job = jobFixture("job-completed.json");

    assertThat(job.contentData()).hasSize(1);
    ContentData item = job.contentData().get(0);
    assertThat(item.contentHash()).isEqualTo("fnv1a128::9b2f7c3a1d4e5f60718293a4b5c6d7e8");
    assertThat(item.metadata()).containsExactly(entry("postId", "42"));
    assertThat(item.text()).isNull();
    assertThat(item.image()).isNull();
    assertThat(item.imageUrl()).isNull();
    assertThat(item.contentKindCount()).isZero();
  }

  @Test
  void readsTheReport() throws Exception {
    Job job = jobFixture("job-completed.json");

    assertThat(job.results()).hasSize(1);
    JobResult result = job.results().get(0);
    assertThat(result.uuid()).isEqualTo("r-1");
    assertThat(result.jobUuid()).isEqualTo(job.jobUuid());
    assertThat(result.contentHash()).isEqualTo("fnv1a128::9b2f7c3a1d4e5f60718293a4b5c6d7e8");
    assertThat(result.created()).isEqualTo(Instant.parse("2025-07-10T20:47:28.120Z"));

    PolicyEvaluationReport report = result.report();
    assertThat(job.reports()).containsExactly(report);
    assertThat(report.policyId()).isEqualTo("11111111-2222-4333-8444-555555555555");
    assertThat(report.policyKey()).isEqualTo("Community Safety");
    assertThat(report.policyVersionId()).isEqualTo("66666666-7777-4888-9999-000000000000");
    assertThat(report.result()).isEqualTo(Outcome.TRUE);
    assertThat(report.outcome()).isEqualTo(Outcome.TRUE);
    assertThat(report.score()).isEqualTo(0.93);
    assertThat(report.reviewResult()).isEqualTo(new ReviewResult(Outcome.TRUE, 0.93));
    assertThat(report.exceptionEvaluationReport()).isNull();
    assertThat(report.contentHash()).isEqualTo("fnv1a128::9b2f7c3a1d4e5f60718293a4b5c6d7e8");
    assertThat(report.contentMetadata()).containsExactly(entry("postId", "42"));
    assertThat(report.threshold()).isEqualTo(0.5);
    assertThat(report.labelMatches()).containsExactly(entry("Threats", 0.93));
    assertThat(report.tokenUsage()).isEqualTo(new TokenUsage(12, 24, 2.0));
    assertThat(report.matchedLabels()).containsExactly(entry("Threats", 0.93));
    assertThat(report.actions()).containsExactly("Flag, Escalate");
  }

  @Test
  void readsTheSections() throws Exception {
    PolicyEvaluationReport report = jobFixture("job-completed.json").reports().get(0);

    assertThat(report.sections())
        .extracting(SectionEvaluationReport::name)
        .containsExactly("Threats", "Spam");

    SectionEvaluationReport threats = report.sections().get(0);
    assertThat(threats.result()).isEqualTo(Outcome.TRUE);
    assertThat(threats.outcome()).isEqualTo(Outcome.TRUE);
    assertThat(threats.score()).isEqualTo(0.93);
    assertThat(threats.message()).isEqualTo("Flag, Escalate");
    assertThat(threats.exceptionEvaluationReport()).isNull();
    assertThat(threats.assertions())
        .containsExactly(new AssertionEvaluationReport(Outcome.TRUE, "threatens violence", 0.93));

    SectionEvaluationReport spam = report.sections().get(1);
    assertThat(spam.outcome()).isEqualTo(Outcome.FALSE);
    assertThat(spam.score()).isEqualTo(0.04);
    assertThat(spam.assertions()).isEmpty();
    ExceptionEvaluationReport exception = spam.exceptionEvaluationReport();
    assertThat(exception).isNotNull();
    assertThat(exception.result()).isEqualTo(Outcome.UNSPECIFIED);
    assertThat(exception.assertions()).isEmpty();
    assertThat(exception.reviewResult()).isNull();
    assertThat(exception.outcome()).isEqualTo(Outcome.UNSPECIFIED);
  }

  @Test
  void readsTimestampsWithTheirExactFractions() throws Exception {
    Job job = jobFixture("job-completed.json");

    assertThat(job.created()).isEqualTo(Instant.parse("2025-07-10T20:47:27Z"));
    assertThat(job.created().getNano()).isZero();
    assertThat(job.updated().getNano()).isEqualTo(123_456_000);
    assertThat(job.completed().getNano()).isEqualTo(123_456_789);
    assertThat(job.completed().getEpochSecond()).isEqualTo(job.created().getEpochSecond() + 1);
  }
}
