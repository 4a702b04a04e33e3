package ai.clavata.sdk.errors;

/**
 * The request conflicts with the resource's state (HTTP 409, gRPC {@code ALREADY_EXISTS} or {@code
 * ABORTED}).
 */
public class ConflictException extends ClavataApiException {
  /**
   * Creates the exception.
   *
   * @param error what the response said
   */
  public ConflictException(ApiError error) {
    super(error);
  }
}
