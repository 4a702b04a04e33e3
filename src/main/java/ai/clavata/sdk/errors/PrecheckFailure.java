package ai.clavata.sdk.errors;

import ai.clavata.sdk.model.PrecheckFailureType;
import ai.clavata.sdk.model.PrecheckMatchConfidence;

/**
 * One reason the service refused content before evaluating it.
 *
 * @param type the kind of refusal
 * @param message the server's explanation
 * @param contentHash the refused content's hash, or {@code null}
 * @param matchConfidence how closely the content matched, for CSAM prechecks
 */
public record PrecheckFailure(
    PrecheckFailureType type,
    String message,
    String contentHash,
    PrecheckMatchConfidence matchConfidence) {

  /**
   * Creates the record, normalizing absent values as documented on the components.
   *
   * @param type the kind of refusal
   * @param message the server's explanation
   * @param contentHash the refused content's hash, or {@code null}
   * @param matchConfidence how closely the content matched, for CSAM prechecks
   */
  public PrecheckFailure {
    type = type == null ? PrecheckFailureType.UNSPECIFIED : type;
    message = message == null ? "" : message;
    matchConfidence =
        matchConfidence == null ? PrecheckMatchConfidence.UNSPECIFIED : matchConfidence;
  }
}
