package ai.clavata.sdk.errors;

/**
 * The API key is missing, invalid or revoked (HTTP 401, gRPC {@code UNAUTHENTICATED}). Check {@code
 * CLAVATA_API_KEY}.
 */
public class AuthenticationException extends ClavataApiException {
  /**
   * Creates the exception.
   *
   * @param error what the response said
   */
  public AuthenticationException(ApiError error) {
    super(error);
  }
}
