package ai.clavata.flink;

import ai.clavata.sdk.model.Outcome;
import ai.clavata.sdk.model.PolicyEvaluationReport;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The moderation result of one stream element: its report's outcome, score and matched labels, or
 * why it has none.
 *
 * <p>Why one type for both: an {@code AsyncFunction} has no side outputs, and failing the job for
 * one refused or rate-limited post stops thousands of good ones. A verdict carries either, so every
 * element comes out exactly once and a later operator routes the failures (filter on {@link
 * #failed()}, or a {@code ProcessFunction} with a side output). It is immutable, holds no SDK
 * objects but the {@link Outcome} enum, and is {@link Serializable}: Flink serializes it with Kryo
 * as a generic type.
 *
 * @param <IN> the element type
 */
public final class Verdict<IN> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final IN input;
  private final Outcome outcome;
  private final double score;
  private final LinkedHashMap<String, Double> matchedLabels;
  private final String failure;

  private Verdict(
      IN input, Outcome outcome, double score, Map<String, Double> matched, String failure) {
    this.input = input;
    this.outcome = outcome;
    this.score = score;
    this.matchedLabels = new LinkedHashMap<>(matched);
    this.failure = failure;
  }

  /**
   * The verdict of an evaluated element.
   *
   * @param input the element
   * @param report its report
   * @param <IN> the element type
   * @return the verdict
   */
  public static <IN> Verdict<IN> of(IN input, PolicyEvaluationReport report) {
    return new Verdict<>(input, report.outcome(), report.score(), report.matchedLabels(), null);
  }

  /**
   * The verdict of an element whose evaluation failed.
   *
   * @param input the element
   * @param failure why
   * @param <IN> the element type
   * @return the verdict, whose {@link #failure()} names the exception's class and message
   */
  public static <IN> Verdict<IN> failed(IN input, Throwable failure) {
    String description = failure.getClass().getSimpleName() + ": " + failure.getMessage();
    return new Verdict<>(input, null, Double.NaN, Map.of(), description);
  }

  /**
   * The element.
   *
   * @return the element
   */
  public IN input() {
    return input;
  }

  /**
   * Whether the element got no report.
   *
   * @return {@code true} for a failure verdict
   */
  public boolean failed() {
    return failure != null;
  }

  /**
   * Whether the element matched the policy.
   *
   * @return {@code true} if the outcome is {@link Outcome#TRUE}
   */
  public boolean flagged() {
    return outcome == Outcome.TRUE;
  }

  /**
   * The report's outcome.
   *
   * @return the outcome, or {@code null} for a failure verdict
   */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * The report's score.
   *
   * @return the score, or NaN for a failure verdict
   */
  public double score() {
    return score;
  }

  /**
   * The labels that matched, with their scores.
   *
   * @return an unmodifiable map; empty for a failure verdict
   */
  public Map<String, Double> matchedLabels() {
    return Collections.unmodifiableMap(matchedLabels);
  }

  /**
   * Why the element got no report.
   *
   * @return the exception's simple class name and message, or {@code null} if it got one
   */
  public String failure() {
    return failure;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Verdict<?> that
        && Objects.equals(input, that.input)
        && outcome == that.outcome
        && Double.compare(score, that.score) == 0
        && matchedLabels.equals(that.matchedLabels)
        && Objects.equals(failure, that.failure);
  }

  @Override
  public int hashCode() {
    return Objects.hash(input, outcome, score, matchedLabels, failure);
  }

  /** One line: the outcome, score and labels, or the failure, then the element. */
  @Override
  public String toString() {
    String head = failed() ? "FAILED " + failure : outcome + " " + score + " " + matchedLabels;
    return head + " | " + input;
  }
}
