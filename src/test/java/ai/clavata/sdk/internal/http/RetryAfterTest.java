package ai.clavata.sdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static Duration parse(String... namesAndValues) {
    return RetryAfter.parse(Headers.of(namesAndValues), NOW);
  }

  private static String httpDate(Instant at) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
  }

  @Test
  void readsWholeSeconds() {
    assertThat(parse("Retry-After", "2")).isEqualTo(Duration.ofSeconds(2));
    assertThat(parse("Retry-After", "0")).isEqualTo(Duration.ZERO);
    assertThat(parse("Retry-After", "120")).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void readsFractionalSecondsRoundingUpToTheMillisecond() {
    assertThat(parse("Retry-After", "1.5")).isEqualTo(Duration.ofMillis(1500));
    assertThat(parse("Retry-After", "0.25")).isEqualTo(Duration.ofMillis(250));
    assertThat(parse("Retry-After", "0.0001")).isEqualTo(Duration.ofMillis(1));
  }

  @Test
  void toleratesSurroundingWhitespace() {
    assertThat(parse("Retry-After", " 3 ")).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void readsAnHttpDateRelativeToNow() {
    assertThat(parse("Retry-After", "Thu, 01 Jan 2026 00:00:30 GMT"))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(parse("Retry-After", httpDate(NOW.plusSeconds(90))))
        .isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void anHttpDateInThePastIsZero() {
    assertThat(parse("Retry-After", "Wed, 31 Dec 2025 23:59:00 GMT")).isEqualTo(Duration.ZERO);
    assertThat(parse("Retry-After", httpDate(NOW))).isEqualTo(Duration.ZERO);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "soon",
        "",
        "-1",
        "NaN",
        "Infinity",
        "-Infinity",
        "2026-01-01T00:00:30Z",
        "Thu, 99 Jan 2026"
      })
  void garbageIsNull(String value) {
    assertThat(parse("Retry-After", value)).isNull();
  }

  @Test
  void noHeaderIsNull() {
    assertThat(RetryAfter.parse(Headers.of(), NOW)).isNull();
    assertThat(parse("X-Other", "5")).isNull();
  }

  @Test
  void readsRetryAfterMs() {
    assertThat(parse("Retry-After-Ms", "250")).isEqualTo(Duration.ofMillis(250));
    assertThat(parse("Retry-After-Ms", "1.2")).isEqualTo(Duration.ofMillis(2));
  }

  @Test
  void retryAfterMsWins() {
    assertThat(parse("Retry-After", "10", "Retry-After-Ms", "250"))
        .isEqualTo(Duration.ofMillis(250));
    assertThat(parse("Retry-After-Ms", "250", "Retry-After", "Thu, 01 Jan 2026 00:01:00 GMT"))
        .isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void anUnreadableRetryAfterMsFallsBackToRetryAfter() {
    assertThat(parse("Retry-After-Ms", "later", "Retry-After", "4"))
        .isEqualTo(Duration.ofSeconds(4));
    assertThat(parse("Retry-After-Ms", "-5", "Retry-After", "4")).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void headerNamesAreCaseInsensitive() {
    assertThat(parse("retry-after", "6")).isEqualTo(Duration.ofSeconds(6));
    assertThat(parse("RETRY-AFTER-MS", "60")).isEqualTo(Duration.ofMillis(60));
  }

  @Test
  void anAbsurdWaitIsHugeNotNegative() {
    assertThat(parse("Retry-After", "1e300")).isPositive().isGreaterThan(Duration.ofDays(365));
  }
}
