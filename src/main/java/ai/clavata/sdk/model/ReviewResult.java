package ai.clavata.sdk.model;

/**
 * The overall verdict of a policy, a section or an exception.
 *
 * @param outcome whether it matched; {@link Outcome#UNSPECIFIED} when absent
 * @param score the confidence, normally 0.0 to 1.0, and {@code -1.0} when evaluation failed
 */
public record ReviewResult(Outcome outcome, double score) {
  /**
   * Creates the record, normalizing absent values as documented on the components.
   *
   * @param outcome whether it matched; {@link Outcome#UNSPECIFIED} when absent
   * @param score the confidence, normally 0.0 to 1.0, and {@code -1.0} when evaluation failed
   */
  public ReviewResult {
    outcome = Copies.orDefault(outcome, Outcome.UNSPECIFIED);
  }
}
