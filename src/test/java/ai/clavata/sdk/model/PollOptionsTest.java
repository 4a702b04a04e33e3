package ai.clavata.sdk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollOptionsTest {

  @Test
  void eachFeatureHasItsDefaults() {
    assertThat(PollOptions.forJobs())
        .isEqualTo(
            new PollOptions(
                Duration.ofMillis(500), Duration.ofSeconds(5), 1.5, Duration.ofMinutes(5)));
    assertThat(PollOptions.forBatchJobs())
        .isEqualTo(
            new PollOptions(
                Duration.ofSeconds(5), Duration.ofMinutes(1), 2.0, Duration.ofHours(48)));
  }

  @Test
  void withersChangeOneThing() {
    PollOptions base = PollOptions.forBatchJobs();
    assertThat(base.withTimeout(Duration.ofHours(2)).timeout()).isEqualTo(Duration.ofHours(2));
    assertThat(base.withIntervals(Duration.ofSeconds(2), Duration.ofSeconds(3)))
        .isEqualTo(
            new PollOptions(
                Duration.ofSeconds(2), Duration.ofSeconds(3), 2.0, Duration.ofHours(48)));
    assertThat(base.withGrowth(1.0).growth()).isEqualTo(1.0);
  }

  @Test
  void badOptionsAreRefusedWithTheFieldNamed() {
    Duration s = Duration.ofSeconds(1);
    assertThatThrownBy(() -> new PollOptions(Duration.ofSeconds(10), s, 2.0, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("longer than maxInterval");
    assertThatThrownBy(() -> new PollOptions(Duration.ZERO, s, 2.0, Duration.ofHours(1)))
        .hasMessageContaining("initialInterval must be positive");
    assertThatThrownBy(() -> PollOptions.forJobs().withTimeout(Duration.ofSeconds(-1)))
        .hasMessageContaining("timeout must be positive");
    assertThatThrownBy(() -> PollOptions.forJobs().withTimeout(null))
        .hasMessageContaining("timeout");
    for (double growth : new double[] {0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> PollOptions.forJobs().withGrowth(growth))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("growth must be 1 or more");
    }
  }
}
