package ai.clavata.sdk.events;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Duration;

/**
 * A call ended, after all its attempts.
 *
 * @param call the call
 * @param attempts how many attempts were made
 * @param statusCode the last attempt's HTTP status, or 0 if it failed without a response
 * @param failure why the call gave up without a response, or {@code null}
 * @param duration from the first attempt to the end, waits included
 */
// Helper views such as isError() are not fields: they must not appear in your own JSON of this
// record (nor, on older Jackson, hide the field of the same name).
@JsonAutoDetect(isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public record CallFinished(
    ApiCall call, int attempts, int statusCode, Throwable failure, Duration duration) {

  /**
   * Whether the call ended with a 2xx response.
   *
   * @return true for a 2xx status and no failure
   */
  public boolean isSuccessful() {
    return failure == null && statusCode >= 200 && statusCode < 300;
  }
}
