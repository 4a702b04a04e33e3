package ai.clavata.sdk.internal.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Headers;

/**
 * Reads how long a server asked the client to wait: {@code Retry-After-Ms} (milliseconds), else
 * {@code Retry-After} as seconds (fractions allowed) or as an HTTP date.
 */
public final class RetryAfter {
  private RetryAfter() {}

  /**
   * The requested wait, or {@code null} when the headers say nothing readable.
   *
   * @param now the wall-clock time, to turn an HTTP date into a wait
   */
  public static Duration parse(Headers headers, Instant now) {
    Duration millis = number(headers.get("Retry-After-Ms"), 1);
    if (millis != null) {
      return millis;
    }
    String value = headers.get("Retry-After");
    if (value == null) {
      return null;
    }
    Duration seconds = number(value, 1000);
    if (seconds != null) {
      return seconds;
    }
    try {
      Instant at =
          ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException notADate) {
      return null;
    }
  }

  private static Duration number(String value, long millisPerUnit) {
    if (value == null) {
      return null;
    }
    try {
      double amount = Double.parseDouble(value.trim());
      if (Double.isNaN(amount) || amount < 0 || Double.isInfinite(amount)) {
        return null;
      }
      return Duration.ofMillis((long) Math.ceil(amount * millisPerUnit));
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }
}
