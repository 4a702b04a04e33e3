package ai.clavata.sdk.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clavata.sdk.batch.BatchContentType;
import ai.clavata.sdk.batch.BatchResultRow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The records in your own Jackson: a plain {@code ObjectMapper} writes their components and none of
 * their helper views ({@code isTerminal()}, {@code isError()}), and reads them back equal.
 */
class PlainJacksonRoundTripTest {
  private final ObjectMapper plain = new ObjectMapper().registerModule(new JavaTimeModule());

  private <T> void assertRoundTrip(T value, Class<T> type, String... absentViews) throws Exception {
    JsonNode written = plain.valueToTree(value);
    for (String view : absentViews) {
      assertThat(written.has(view)).as("%s has no \"%s\"", type.getSimpleName(), view).isFalse();
    }
    assertThat(plain.treeToValue(written, type)).isEqualTo(value);
  }

  @Test
  void aBatchJobAndItsErrorRoundTrip() throws Exception {
    BatchJob job =
        new BatchJob(
            "bj-1",
            "nightly",
            BatchJobState.COMPLETED,
            Instant.parse("2026-01-02T03:04:05Z"),
            Instant.parse("2026-01-02T04:05:06Z"),
            "pol-1",
            "pv-1",
            "https://storage/out.csv");
    assertRoundTrip(job, BatchJob.class, "terminal");
    assertRoundTrip(
        new BatchJobError(BatchJobErrorCode.INVALID_INPUT_FILE, "bad file"),
        BatchJobError.class,
        "error");
  }

  @Test
  void aResultRowRoundTrips() throws Exception {
    assertRoundTrip(
        new BatchResultRow("r1", BatchContentType.TEXT, List.of(), "hello", "could not read"),
        BatchResultRow.class);
  }

  @Test
  void aCompletedJobRoundTripsWithoutItsTerminalView() throws Exception {
    assertRoundTrip(JsonFixtures.jobFixture("job-completed.json"), Job.class, "terminal");
  }
}
