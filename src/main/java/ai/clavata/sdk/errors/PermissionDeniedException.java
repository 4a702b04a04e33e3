package ai.clavata.sdk.errors;

/** The API key may not do this (HTTP 403, gRPC {@code PERMISSION_DENIED}). */
public class PermissionDeniedException extends ClavataApiException {
  /**
   * Creates the exception.
   *
   * @param error what the response said
   */
  public PermissionDeniedException(ApiError error) {
    super(error);
  }
}
