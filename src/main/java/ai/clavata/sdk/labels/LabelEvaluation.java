package ai.clavata.sdk.labels;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@code POST /v1/labels/evaluate}: the content's hash, and one result per label
 * version of the request, in the request's order.
 *
 * <pre>{@code
 * LabelEvaluation evaluation = client.labels().evaluate(request);
 * evaluation.result("threats-label-version-uuid")
 *     .filter(LabelResult::matched)
 *     .ifPresent(r -> flag(r.score()));
 * }</pre>
 *
 * @param contentHash the evaluated content's hash with its algorithm prefix, such as {@code
 *     fnv1a128::…}; empty when the server sent none
 * @param results one per requested label version, in request order; never {@code null}
 */
public record LabelEvaluation(String contentHash, List<LabelResult> results) {

  /**
   * Creates the record: a {@code null} hash becomes empty and the results an immutable copy.
   *
   * @param contentHash the evaluated content's hash
   * @param results one per requested label version, in request order
   */
  public LabelEvaluation {
    contentHash = Objects.requireNonNullElse(contentHash, "");
    results = results == null ? List.of() : List.copyOf(results);
  }

  /**
   * The result for one label version.
   *
   * @param labelVersionId the label version's id, as sent in the request
   * @return its result, or empty if the request did not name it
   */
  public Optional<LabelResult> result(String labelVersionId) {
    return results.stream().filter(r -> r.labelVersionId().equals(labelVersionId)).findFirst();
  }

  /**
   * The labels whose evaluation failed, each with its {@link LabelResult#error()}.
   *
   * @return the failed results, in request order; empty when every label was evaluated
   */
  public List<LabelResult> failures() {
    return results.stream().filter(LabelResult::failed).toList();
  }
}
