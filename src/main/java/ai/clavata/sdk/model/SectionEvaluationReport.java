package ai.clavata.sdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The verdict on one section (label) of a policy.
 *
 * @param name the section or label name
 * @param result the deprecated wire outcome; prefer {@link #outcome()}
 * @param message the actions attached to the label in the policy, such as "Flag, Escalate"
 * @param assertions the section's assertions; never {@code null}
 * @param exceptionEvaluationReport the section's exception clause, or {@code null}
 * @param reviewResult the section's verdict, or {@code null} when absent
 */
public record SectionEvaluationReport(
    String name,
    Outcome result,
    String message,
    @JsonProperty("assertionEvaluationReports") List<AssertionEvaluationReport> assertions,
    ExceptionEvaluationReport exceptionEvaluationReport,
    ReviewResult reviewResult) {

  /**
   * Creates the record, normalizing absent values as documented on the components.
   *
   * @param name the section or label name
   * @param result the deprecated wire outcome; prefer {@link #outcome()}
   * @param message the actions attached to the label in the policy, such as "Flag, Escalate"
   * @param assertions the section's assertions; never {@code null}
   * @param exceptionEvaluationReport the section's exception clause, or {@code null}
   * @param reviewResult the section's verdict, or {@code null} when absent
   */
  public SectionEvaluationReport {
    result = Copies.orDefault(result, Outcome.UNSPECIFIED);
    assertions = Copies.list(assertions);
  }

  /**
   * Whether the content matched this section.
   *
   * @return {@code reviewResult.outcome}, else the deprecated {@code result}
   */
  public Outcome outcome() {
    return Verdicts.outcome(reviewResult, result);
  }

  /**
   * The section's score.
   *
   * @return {@code reviewResult.score}, or 0.0 when the review result is absent
   */
  public double score() {
    return Verdicts.score(reviewResult);
  }
}
