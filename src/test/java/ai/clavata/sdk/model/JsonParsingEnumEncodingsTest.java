package ai.clavata.sdk.model;

import static ai.clavata.sdk.model.JsonFixtures.job;
import static ai.clavata.sdk.model.JsonFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import ai.clavata.sdk.internal.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Enums by name, by number, and values the SDK does not know. */
class JsonParsingEnumEncodingsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"JOB_STATUS_COMPLETED\"",
        "3",
        "\"3\"",
        "\"COMPLETED\"",
        "\"completed\"",
        "\" 3 \""
      })
  void statusAcceptsNamesNumbersAndShortNames(String wire) throws Exception {
    assertThat(job("{\"status\": " + wire + "}").status()).isEqualTo(JobStatus.COMPLETED);
  }

  @ParameterizedTest
  @CsvSource({
    "0, UNSPECIFIED",
    "1, PENDING",
    "2, RUNNING",
    "3, COMPLETED",
    "4, FAILED",
    "5, CANCELED",
    "6, UNRECOGNIZED",
    "99, UNRECOGNIZED",
    "-1, UNRECOGNIZED"
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
        .satisfies(
            r -> {
              assertThat(r.result()).isEqualTo(Outcome.TRUE);
              assertThat(r.reviewResult().outcome()).isEqualTo(Outcome.FAILED);
            });
    assertThat(job("{\"jobType\": \"BATCH\"}").jobType()).isEqualTo(JobType.BATCH);
  }
}
