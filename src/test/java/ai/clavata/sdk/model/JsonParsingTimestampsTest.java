package ai.clavata.sdk.model;

import static ai.clavata.sdk.model.JsonFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;

import ai.clavata.sdk.internal.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Timestamps with 0 to 9 fraction digits and any offset. */
class JsonParsingTimestampsTest {
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
