package ai.clavata.sdk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeRangeTest {
  private static final Instant T1 = Instant.parse("2025-07-10T20:00:00Z");
  private static final Instant T2 = Instant.parse("2025-07-11T20:00:00Z");

  @Test
  void needsAtLeastOneBound() {
    assertThatThrownBy(() -> new TimeRange(null, null, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("start")
        .hasMessageContaining("end");
    assertThatThrownBy(() -> new TimeRange(null, null, true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void startMustNotBeAfterEnd() {
    assertThatThrownBy(() -> new TimeRange(T2, T1, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("after")
        .hasMessageContaining(T2.toString())
        .hasMessageContaining(T1.toString());
    assertThatThrownBy(() -> TimeRange.between(T2, T1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equalBoundsAreAllowed() {
    TimeRange range = TimeRange.between(T1, T1).asInclusive();
    assertThat(range.start()).isEqualTo(T1);
    assertThat(range.end()).isEqualTo(T1);
    assertThat(range.inclusive()).isTrue();
  }

  @Test
  void factoriesSetTheRightBoundsAndAreExclusive() {
    assertThat(TimeRange.between(T1, T2)).isEqualTo(new TimeRange(T1, T2, false));
    assertThat(TimeRange.after(T1)).isEqualTo(new TimeRange(T1, null, false));
    assertThat(TimeRange.before(T2)).isEqualTo(new TimeRange(null, T2, false));
  }

  @Test
  void factoriesRejectNullBounds() {
    assertThatThrownBy(() -> TimeRange.between(null, T2))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("start");
    assertThatThrownBy(() -> TimeRange.between(T1, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("end");
    assertThatThrownBy(() -> TimeRange.after(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("start");
    assertThatThrownBy(() -> TimeRange.before(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("end");
  }

  @Test
  void asInclusiveKeepsTheBoundsAndLeavesTheOriginalExclusive() {
    TimeRange exclusive = TimeRange.after(T1);
    TimeRange inclusive = exclusive.asInclusive();
    assertThat(inclusive).isEqualTo(new TimeRange(T1, null, true));
    assertThat(exclusive.inclusive()).isFalse();
    assertThat(TimeRange.before(T2).asInclusive()).isEqualTo(new TimeRange(null, T2, true));
    assertThat(TimeRange.between(T1, T2).asInclusive()).isEqualTo(new TimeRange(T1, T2, true));
  }
}
