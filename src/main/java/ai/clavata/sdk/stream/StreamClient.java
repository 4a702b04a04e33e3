package ai.clavata.sdk.stream;

import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.PolicyEvaluationReport;

/**
 * Real-time evaluation: {@code client.stream()}. Results come back one by one as each content item
 * is evaluated ({@code POST /v1/jobs/stream}, newline-delimited JSON).
 *
 * <pre>{@code
 * try (EvaluationStream results = client.stream().evaluate(EvaluateRequest.builder()
 *     .policyId(policyId)
 *     .addContent(ContentData.text("first"))
 *     .addContent(ContentData.imageUrl("https://example.com/cat.png"))
 *     .build())) {
 *   for (EvaluationResult r : results) {
 *     System.out.println(r.inputIndex() + " " + r.report().outcome());
 *   }
 * }
 * }</pre>
 *
 * <p>An interface so that code using it can be tested with a mock; see {@link
 * EvaluationStream#of(java.util.List)}.
 */
public interface StreamClient {

  /**
   * Starts an evaluation and returns its results as they arrive. Returns once the server has
   * accepted the request; an error before the first result (rate limit, refusal, bad key) is thrown
   * here as its typed exception. Close the stream, or iterate it to the end.
   *
   * @param request the content and policy
   * @return the open stream of results
   */
  EvaluationStream evaluate(EvaluateRequest request);

  /**
   * Evaluates one item and returns its report.
   *
   * @param policyId the policy to evaluate against
   * @param content the item
   * @return the report
   * @throws ai.clavata.sdk.errors.ClavataApiException the typed error if the item was refused or
   *     the call failed
   */
  PolicyEvaluationReport evaluateOne(String policyId, ContentData content);
}
