package ai.clavata.sdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The verdict on an {@code EXCEPT WHEN} / {@code UNLESS} clause of a policy or a section.
 *
 * @param result the deprecated wire outcome; prefer {@link #outcome()}
 * @param assertions the clause's assertions; never {@code null}
 * @param reviewResult the clause's verdict, or {@code null} when absent
 */
public record ExceptionEvaluationReport(
    Outcome result,
    @JsonProperty("assertionEvaluationReports") List<AssertionEvaluationReport> assertions,
    ReviewResult reviewResult) {

  /**
   * Creates the record, normalizing absent values as documented on the components.
   *
   * @param result the deprecated wire outcome; prefer {@link #outcome()}
   * @param assertions the clause's assertions; never {@code null}
   * @param reviewResult the clause's verdict, or {@code null} when absent
   */
  public ExceptionEvaluationReport {
    result = Copies.orDefault(result, Outcome.UNSPECIFIED);
    assertions = Copies.list(assertions);
  }

  /**
   * Whether the exception applied.
   *
   * @return {@code reviewResult.outcome}, else the deprecated {@code result}
   */
  public Outcome outcome() {
    return Verdicts.outcome(reviewResult, result);
  }
}
