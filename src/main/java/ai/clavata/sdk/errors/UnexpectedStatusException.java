package ai.clavata.sdk.errors;

/** An error status this SDK has no better class for. */
public class UnexpectedStatusException extends ClavataApiException {
  /**
   * Creates the exception.
   *
   * @param error what the response said
   */
  public UnexpectedStatusException(ApiError error) {
    super(error);
  }
}
