package ai.clavata.sdk.errors;

/**
 * The service failed (HTTP 5xx, or gRPC {@code INTERNAL}, {@code UNKNOWN}, {@code UNAVAILABLE},
 * {@code DEADLINE_EXCEEDED}, {@code UNIMPLEMENTED} or {@code DATA_LOSS}). Retryable calls were
 * already retried.
 */
public class ServerException extends ClavataApiException {
  /**
   * Creates the exception.
   *
   * @param error what the response said
   */
  public ServerException(ApiError error) {
    super(error);
  }
}
