package ai.clavata.sdk.model;

/**
 * The verdict on one assertion of a policy section.
 *
 * @param result whether the assertion held; {@link Outcome#UNSPECIFIED} when absent
 * @param message the assertion text
 * @param score the confidence, normally 0.0 to 1.0
 */
public record AssertionEvaluationReport(Outcome result, String message, double score) {
  /**
   * Creates the record, normalizing absent values as documented on the components.
   *
   * @param result whether the assertion held; {@link Outcome#UNSPECIFIED} when absent
   * @param message the assertion text
   * @param score the confidence, normally 0.0 to 1.0
   */
  public AssertionEvaluationReport {
    result = Copies.orDefault(result, Outcome.UNSPECIFIED);
  }
}
