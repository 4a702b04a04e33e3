package ai.clavata.sdk.model;

import static ai.clavata.sdk.model.JsonFixtures.job;
import static ai.clavata.sdk.model.JsonFixtures.jobFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Fields the SDK does not know, internal or newer, are ignored. */
class JsonParsingInternalAndUnknownFieldsTest {
  @Test
  void internalAndUnknownFieldsAreIgnored() throws Exception {
    Job job = jobFixture("model-job-internal-and-unknown-fields.json");

    assertThat(job.jobUuid()).isEqualTo("3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b");
    assertThat(job.customerId()).isEqualTo("c0ffee00-1111-4222-8333-444455556666");
    // metadata.threshold is INTERNAL and must not leak into the public threshold.
    assertThat(job.threshold()).isZero();

    ContentData item = job.contentData().get(0);
    assertThat(item.text()).isEqualTo("hello");
    assertThat(item.contentHash()).isEqualTo("md5::0123456789abcdef");
    assertThat(item.metadata()).containsExactly(entry("postId", "42"), entry("lang", "en"));
    assertThat(item.contentKindCount()).isEqualTo(1);

    JobResult result = job.results().get(0);
    assertThat(result.uuid()).isEqualTo("r-9");
    assertThat(result.created()).isEqualTo(Instant.parse("2025-07-10T20:47:28Z"));

    PolicyEvaluationReport report = result.report();
    assertThat(report.policyId()).isEqualTo("11111111-2222-4333-8444-555555555555");
    assertThat(report.tokenUsage()).isEqualTo(new TokenUsage(3, 6, 2.0));
    assertThat(report.labelMatches()).containsExactly(entry("Threats", 0.9));

    SectionEvaluationReport threats = report.sections().get(0);
    assertThat(threats.outcome()).isEqualTo(Outcome.TRUE);
    assertThat(threats.score()).isEqualTo(0.9);
    assertThat(threats.assertions())
        .containsExactly(new AssertionEvaluationReport(Outcome.TRUE, "threatens", 0.9));
    assertThat(threats.exceptionEvaluationReport().outcome()).isEqualTo(Outcome.FALSE);
    assertThat(threats.exceptionEvaluationReport().reviewResult())
        .isEqualTo(new ReviewResult(Outcome.FALSE, 0.1));
  }

  @Test
  void unknownEnumValuesBecomeUnrecognized() throws Exception {
    Job job = jobFixture("model-job-internal-and-unknown-fields.json");

    assertThat(job.status()).isEqualTo(JobStatus.UNRECOGNIZED);
    assertThat(job.isTerminal()).isFalse();
    assertThat(job.jobType()).isEqualTo(JobType.UNRECOGNIZED);
    PolicyEvaluationReport report = job.reports().get(0);
    assertThat(report.result()).isEqualTo(Outcome.UNRECOGNIZED);
    assertThat(report.reviewResult().outcome()).isEqualTo(Outcome.UNRECOGNIZED);
    assertThat(report.outcome()).isEqualTo(Outcome.UNRECOGNIZED);
    assertThat(report.score()).isEqualTo(0.5);
  }

  @Test
  void trailingGarbageIsAnError() {
    assertThatThrownBy(() -> job("{\"jobUuid\": \"a\"} trailing"))
        .isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> job("{\"jobUuid\": \"a\"}{}"))
        .isInstanceOf(JsonProcessingException.class);
  }
}
