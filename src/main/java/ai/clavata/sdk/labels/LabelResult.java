package ai.clavata.sdk.labels;

import ai.clavata.sdk.model.Outcome;
import ai.clavata.sdk.model.PolicyEvaluationReport;
import java.util.Objects;
import java.util.Optional;

/**
 * How the content fared against one label version of a {@link LabelEvaluation}.
 *
 * <pre>{@code
 * for (LabelResult r : evaluation.results()) {
 *   if (r.error().isPresent()) {
 *     log.warn("label {} failed: {}", r.labelVersionId(), r.error().get());
 *   } else if (r.outcome() == Outcome.TRUE) {
 *     flag(r.labelId(), r.score());
 *   }
 * }
 * }</pre>
 *
 * <p>A failed label is data, not an exception: the others of the same call may have succeeded. A
 * failed label has {@link Outcome#UNSPECIFIED} (or {@link Outcome#FAILED}), score 0 and no report
 * unless the server sent them.
 *
 * @param labelId the label's id; empty when the server sent none
 * @param labelVersionId the label version that was evaluated; never empty when the response matched
 *     the request (the SDK fills it from the request's position otherwise)
 * @param jobUuid the id of the job this label version's evaluation ran as; empty when none was
 *     created
 * @param outcome whether the content matched the label ({@code evaluation.outcome}, else the
 *     report's); {@link Outcome#UNSPECIFIED} when absent
 * @param score the confidence, normally 0.0 to 1.0 ({@code evaluation.score}, else the report's)
 * @param threshold the threshold the server applied (0.5 when the request set none); 0 when absent
 * @param report the full evaluation report, or {@code null} when the server sent none (as for a
 *     failed label)
 * @param error why this label's evaluation failed, or empty when it did not
 */
public record LabelResult(
    String labelId,
    String labelVersionId,
    String jobUuid,
    Outcome outcome,
    double score,
    double threshold,
    PolicyEvaluationReport report,
    Optional<String> error) {

  /**
   * Creates the record: {@code null} strings become empty, a {@code null} outcome {@link
   * Outcome#UNSPECIFIED}, and a {@code null}, empty or blank error no error (the gateway writes
   * {@code ""} for an unset error).
   *
   * @param labelId the label's id
   * @param labelVersionId the label version that was evaluated
   * @param jobUuid the id of the label version's job
   * @param outcome whether the content matched the label
   * @param score the confidence
   * @param threshold the threshold the server applied
   * @param report the full evaluation report, or {@code null}
   * @param error why this label's evaluation failed, or empty (or {@code null}) when it did not
   */
  public LabelResult {
    labelId = Objects.requireNonNullElse(labelId, "");
    labelVersionId = Objects.requireNonNullElse(labelVersionId, "");
    jobUuid = Objects.requireNonNullElse(jobUuid, "");
    outcome = Objects.requireNonNullElse(outcome, Outcome.UNSPECIFIED);
    error = error == null ? Optional.empty() : error.filter(e -> !e.isBlank());
  }

  /**
   * Whether this label's evaluation failed; {@link #error()} says why.
   *
   * @return {@code true} when {@link #error()} is present
   */
  public boolean failed() {
    return error.isPresent();
  }

  /**
   * Whether the content matched the label: the evaluation succeeded with {@link Outcome#TRUE}.
   *
   * @return {@code true} for a match
   */
  public boolean matched() {
    return error.isEmpty() && outcome == Outcome.TRUE;
  }
}
