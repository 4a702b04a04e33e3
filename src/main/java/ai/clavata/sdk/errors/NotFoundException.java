package ai.clavata.sdk.errors;

/** No such job, batch job or policy (HTTP 404, gRPC {@code NOT_FOUND}). */
public class NotFoundException extends ClavataApiException {
  /**
   * Creates the exception.
   *
   * @param error what the response said
   */
  public NotFoundException(ApiError error) {
    super(error);
  }
}
