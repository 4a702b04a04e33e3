package ai.clavata.sdk.errors;

/**
 * The request was invalid (HTTP 400, or gRPC {@code INVALID_ARGUMENT}, {@code FAILED_PRECONDITION}
 * or {@code OUT_OF_RANGE}). Fix the request; retrying will not help.
 */
public class BadRequestException extends ClavataApiException {
  /**
   * Creates the exception.
   *
   * @param error what the response said
   */
  public BadRequestException(ApiError error) {
    super(error);
  }
}
