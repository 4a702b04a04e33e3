package ai.clavata.sdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one content item fared against a policy: the overall verdict, and one report per section.
 *
 * <pre>{@code
 * if (report.outcome() == Outcome.TRUE) {
 *   report.matchedLabels().forEach((label, score) -> System.out.println(label + " " + score));
 * }
 * }</pre>
 *
 * <p>Every nested message may be absent on the wire; the convenience views ({@link #outcome()},
 * {@link #score()}, {@link #matchedLabels()}, {@link #actions()}) never throw because of that.
 *
 * @param policyId the policy's id
 * @param policyKey the policy's human-readable title; do not use it to identify a policy
 * @param policyVersionId the id of the policy version that was applied
 * @param result the deprecated wire outcome; prefer {@link #outcome()}
 * @param sections one report per section (label) of the policy; never {@code null}
 * @param exceptionEvaluationReport the policy-level exception clause, or {@code null}
 * @param contentHash the content's hash with its algorithm prefix, such as {@code fnv1a128::…}
 * @param contentMetadata the metadata sent with the content; never {@code null}
 * @param reviewResult the overall verdict, or {@code null} when absent
 * @param threshold the truthiness threshold that was applied
 * @param labelMatches the labels that matched, with their scores; never {@code null}
 * @param tokenUsage what the evaluation cost, or {@code null} when absent
 * @param labelId the label's id on label-first flows, else {@code null}
 * @param labelVersionId the label version's id on label-first flows, else {@code null}
 */
public record PolicyEvaluationReport(
    String policyId,
    String policyKey,
    String policyVersionId,
    Outcome result,
    @JsonProperty("sectionEvaluationReports") List<SectionEvaluationReport> sections,
    ExceptionEvaluationReport exceptionEvaluationReport,
    String contentHash,
    Map<String, String> contentMetadata,
    ReviewResult reviewResult,
    double threshold,
    Map<String, Double> labelMatches,
    TokenUsage tokenUsage,
    String labelId,
    String labelVersionId) {

  /**
   * Creates the record, normalizing absent values as documented on the components.
   *
   * @param policyId the policy's id
   * @param policyKey the policy's human-readable title; do not use it to identify a policy
   * @param policyVersionId the id of the policy version that was applied
   * @param result the deprecated wire outcome; prefer {@link #outcome()}
   * @param sections one report per section (label) of the policy; never {@code null}
   * @param exceptionEvaluationReport the policy-level exception clause, or {@code null}
   * @param contentHash the content's hash with its algorithm prefix, such as {@code fnv1a128::…}
   * @param contentMetadata the metadata sent with the content; never {@code null}
   * @param reviewResult the overall verdict, or {@code null} when absent
   * @param threshold the truthiness threshold that was applied
   * @param labelMatches the labels that matched, with their scores; never {@code null}
   * @param tokenUsage what the evaluation cost, or {@code null} when absent
   * @param labelId the label's id on label-first flows, else {@code null}
   * @param labelVersionId the label version's id on label-first flows, else {@code null}
   */
  public PolicyEvaluationReport {
    result = Copies.orDefault(result, Outcome.UNSPECIFIED);
    sections = Copies.list(sections);
    contentMetadata = Copies.map(contentMetadata);
    labelMatches = Copies.map(labelMatches);
  }

  /**
   * The overall verdict.
   *
   * @return {@code reviewResult.outcome}, else the deprecated {@code result}, else {@link
   *     Outcome#UNSPECIFIED}
   */
  public Outcome outcome() {
    return Verdicts.outcome(reviewResult, result);
  }

  /**
   * The overall score.
   *
   * @return {@code reviewResult.score}, or 0.0 when the review result is absent
   */
  public double score() {
    return Verdicts.score(reviewResult);
  }

  /**
   * The labels that matched, with their scores, in the order the server sent them.
   *
   * @return {@link #labelMatches()} when the server sent it, else the sections whose outcome is
   *     {@link Outcome#TRUE}; never {@code null}
   */
  public Map<String, Double> matchedLabels() {
    if (!labelMatches.isEmpty()) {
      return labelMatches;
    }
    Map<String, Double> matched = new LinkedHashMap<>();
    for (SectionEvaluationReport section : matchedSections()) {
      matched.put(section.name(), section.score());
    }
    return Collections.unmodifiableMap(matched);
  }

  /**
   * The distinct action strings of the matched sections, such as {@code "Flag, Escalate"}.
   *
   * @return the non-blank {@link SectionEvaluationReport#message()} of each matched section
   */
  public List<String> actions() {
    Set<String> actions = new LinkedHashSet<>();
    for (SectionEvaluationReport section : matchedSections()) {
      if (section.message() != null && !section.message().isBlank()) {
        actions.add(section.message());
      }
    }
    return List.copyOf(actions);
  }

  private List<SectionEvaluationReport> matchedSections() {
    List<SectionEvaluationReport> matched = new ArrayList<>();
    for (SectionEvaluationReport section : sections) {
      if (section.outcome() == Outcome.TRUE && section.name() != null) {
        matched.add(section);
      }
    }
    return matched;
  }
}
