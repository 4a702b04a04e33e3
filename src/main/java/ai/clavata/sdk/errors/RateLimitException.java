package ai.clavata.sdk.errors;

import java.time.Duration;
import java.util.Optional;

/**
 * A rate limit or quota was hit (HTTP 429, gRPC {@code RESOURCE_EXHAUSTED}), and the retries the
 * client is configured for did not get through, or the server asked for a longer wait than the
 * client is willing to sleep.
 */
public class RateLimitException extends ClavataApiException {
  /** The wait the server asked for, or {@code null}. */
  private final Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param error what the response said
   * @param retryAfter how long the server asked to wait, or {@code null} if it did not say
   */
  public RateLimitException(ApiError error, Duration retryAfter) {
    super(error);
    this.retryAfter = retryAfter;
  }

  /**
   * How long the server asked to wait, from {@code Retry-After-Ms} or {@code Retry-After}.
   *
   * @return the wait, if the server said
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
