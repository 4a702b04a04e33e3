package ai.clavata.sdk.errors;

import java.util.List;

/**
 * The service refused the content before evaluating it: a known-CSAM hash match, an unsupported
 * image format or a corrupt image. Sent as HTTP 499 (gRPC {@code CANCELLED}), or as any error whose
 * details carry a {@code PrecheckFailure}.
 *
 * <pre>{@code
 * catch (ContentRefusedException e) {
 *   for (PrecheckFailure failure : e.failures()) {
 *     if (failure.type() == PrecheckFailureType.NCMEC) escalate(failure.contentHash());
 *   }
 * }
 * }</pre>
 */
public class ContentRefusedException extends ClavataApiException {
  private final transient List<PrecheckFailure> failures;

  /**
   * Creates the exception.
   *
   * @param error what the response said
   * @param failures the refusal reasons from the error details; may be empty
   */
  public ContentRefusedException(ApiError error, List<PrecheckFailure> failures) {
    super(error);
    this.failures = List.copyOf(failures);
  }

  /**
   * Why the content was refused.
   *
   * @return the precheck failures, in the order the server sent them; may be empty
   */
  public List<PrecheckFailure> failures() {
    return failures;
  }
}
