package ai.clavata.sdk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import ai.clavata.sdk.Fixtures;
import ai.clavata.sdk.internal.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing gateway JSON into the model records with the shared tolerant mapper. */
class JsonParsingTest {

  /** Reads the {@code job} member of a GetJobResponse-shaped fixture. */
  static Job jobFixture(String name) throws Exception {
    return Json.MAPPER.readerFor(Job.class).at("/job").readValue(Fixtures.read(name));
  }

  static Job job(String json) throws JsonProcessingException {
    return Json.MAPPER.readValue(json, Job.class);
  }

  static PolicyEvaluationReport report(String json) throws JsonProcessingException {
    return Json.MAPPER.readValue(json, PolicyEvaluationReport.class);
  }

  @Nested
  class CompletedFixture {
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

      assertThat(report.sections()).extracting(SectionEvaluationReport::name)
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

  @Nested
  class EmitUnpopulatedStyle {
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
      assertThat(job.contentData()).singleElement().satisfies(item -> {
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
      Job job = job("""
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

      PolicyEvaluationReport report = report("""
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
      PolicyEvaluationReport report = report("""
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
      Job job = job("""
          {"results": [null, {"jobUuid": "j"}, null], "contentData": [null]}
          """);
      assertThat(job.results()).extracting(JobResult::jobUuid).containsExactly("j");
      assertThat(job.contentData()).isEmpty();

      PolicyEvaluationReport report = report("""
          {"contentMetadata": {"a": "1", "b": null}, "labelMatches": {"X": null, "Y": 0.5},
           "sectionEvaluationReports": [null]}
          """);
      assertThat(report.contentMetadata()).containsExactly(entry("a", "1"));
      assertThat(report.labelMatches()).containsExactly(entry("Y", 0.5));
      assertThat(report.sections()).isEmpty();
    }
  }

  @Nested
  class OmitEmptyStyle {
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

      assertThatThrownBy(() -> job.results().clear()).isInstanceOf(UnsupportedOperationException.class);
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

  @Nested
  class InternalAndUnknownFields {
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

  @Nested
  class EnumEncodings {
    @ParameterizedTest
    @ValueSource(strings = {
        "\"JOB_STATUS_COMPLETED\"", "3", "\"3\"", "\"COMPLETED\"", "\"completed\"", "\" 3 \""})
    void statusAcceptsNamesNumbersAndShortNames(String wire) throws Exception {
      assertThat(job("{\"status\": " + wire + "}").status()).isEqualTo(JobStatus.COMPLETED);
    }

    @ParameterizedTest
    @CsvSource({
      "0, UNSPECIFIED", "1, PENDING", "2, RUNNING", "3, COMPLETED", "4, FAILED", "5, CANCELED",
      "6, UNRECOGNIZED", "99, UNRECOGNIZED", "-1, UNRECOGNIZED"
    })
    void statusNumbersFollowTheProtoNumbering(int number, JobStatus expected) throws Exception {
      assertThat(job("{\"status\": " + number + "}").status()).isEqualTo(expected);
      assertThat(job("{\"status\": \"" + number + "\"}").status()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0, UNSPECIFIED", "1, FALSE", "2, TRUE", "3, FAILED", "4, UNRECOGNIZED"})
    void outcomeNumbersFollowTheProtoNumbering(int number, Outcome expected) throws Exception {
      PolicyEvaluationReport report =
          report("{\"result\": " + number + ", \"reviewResult\": {\"outcome\": \"" + number + "\"}}");
      assertThat(report.result()).isEqualTo(expected);
      assertThat(report.reviewResult().outcome()).isEqualTo(expected);
    }

    @Test
    void unknownNamesBecomeUnrecognizedNotErrors() throws Exception {
      assertThat(job("{\"status\": \"JOB_STATUS_ARCHIVED\"}").status())
          .isEqualTo(JobStatus.UNRECOGNIZED);
      assertThat(report("{\"result\": \"OUTCOME_MAYBE\"}").result()).isEqualTo(Outcome.UNRECOGNIZED);
      assertThat(job("{\"jobType\": \"JOB_TYPE_PREMIUM\"}").jobType())
          .isEqualTo(JobType.UNRECOGNIZED);
      assertThat(Json.MAPPER.readValue("\"BATCH_JOB_STATE_PAUSED\"", BatchJobState.class))
          .isEqualTo(BatchJobState.UNRECOGNIZED);
    }

    @Test
    void emptyEnumStringIsUnspecified() throws Exception {
      assertThat(job("{\"status\": \"\"}").status()).isEqualTo(JobStatus.UNSPECIFIED);
      assertThat(report("{\"result\": \"\"}").result()).isEqualTo(Outcome.UNSPECIFIED);
    }

    @Test
    void shortNamesWork() throws Exception {
      assertThat(report("{\"result\": \"TRUE\", \"reviewResult\": {\"outcome\": \"FAILED\"}}"))
          .satisfies(r -> {
            assertThat(r.result()).isEqualTo(Outcome.TRUE);
            assertThat(r.reviewResult().outcome()).isEqualTo(Outcome.FAILED);
          });
      assertThat(job("{\"jobType\": \"BATCH\"}").jobType()).isEqualTo(JobType.BATCH);
    }
  }

  @Nested
  class NumberEncodings {
    @Test
    void numbersMayArriveAsStrings() throws Exception {
      PolicyEvaluationReport report = report("""
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
          Json.MAPPER.readValue("{\"outcome\": \"OUTCOME_FAILED\", \"score\": -1}", ReviewResult.class);
      assertThat(review).isEqualTo(new ReviewResult(Outcome.FAILED, -1.0));
    }

    @Test
    void explicitNullForPrimitivesIsZero() throws Exception {
      assertThat(Json.MAPPER.readValue("{\"inputTokens\": null, \"billedTokens\": null, \"multiplier\": null}",
              TokenUsage.class))
          .isEqualTo(new TokenUsage(0, 0, 0.0));
      assertThat(Json.MAPPER.readValue("{\"score\": null}", AssertionEvaluationReport.class).score())
          .isZero();
      assertThat(job("{\"threshold\": null}").threshold()).isZero();
    }
  }

  @Nested
  class Timestamps {
    @ParameterizedTest
    @CsvSource({
      "2025-07-10T20:47:28Z,           0",
      "2025-07-10T20:47:28.120Z,       120000000",
      "2025-07-10T20:47:28.123456Z,    123456000",
      "2025-07-10T20:47:28.123456789Z, 123456789",
      "2025-07-10T20:47:28.000000001Z, 1",
    })
    void fractionDigitsParseToTheExactNanos(String wire, int nanos) throws Exception {
      Job job = job("{\"created\": \"" + wire + "\"}");
      assertThat(job.created().getNano()).isEqualTo(nanos);
      assertThat(job.created().getEpochSecond())
          .isEqualTo(Instant.parse("2025-07-10T20:47:28Z").getEpochSecond());
    }

    @ParameterizedTest
    @CsvSource({
      "2025-07-10T22:47:28+02:00,           2025-07-10T20:47:28Z",
      "2025-07-10T17:17:28.5-03:30,         2025-07-10T20:47:28.500Z",
      "2025-07-10T20:47:28+00:00,           2025-07-10T20:47:28Z",
      "2025-07-11T01:47:28.123456789+05:00, 2025-07-10T20:47:28.123456789Z",
    })
    void offsetsParseToTheSameInstant(String wire, String utc) throws Exception {
      Job job = job("{\"completed\": \"" + wire + "\"}");
      assertThat(job.completed()).isEqualTo(Instant.parse(utc));
    }

    @Test
    void resultTimestampsParseToo() throws Exception {
      JobResult result =
          Json.MAPPER.readValue("{\"created\": \"2025-07-10T22:47:28.1+02:00\"}", JobResult.class);
      assertThat(result.created()).isEqualTo(Instant.parse("2025-07-10T20:47:28.100Z"));
    }
  }
}
