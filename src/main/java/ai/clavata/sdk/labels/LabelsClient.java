package ai.clavata.sdk.labels;

import ai.clavata.sdk.model.ApiResponse;

/**
 * Evaluates content against published label versions: {@code client.labels()}.
 *
 * <pre>{@code
 * LabelEvaluation evaluation = client.labels().evaluate(EvaluateLabelsRequest.builder()
 *     .content(ContentData.text("I will find you"))
 *     .addLabelVersionId("threats-label-version-uuid")
 *     .build());
 * for (LabelResult r : evaluation.results()) {
 *   System.out.println(r.labelVersionId() + " " + r.outcome() + " " + r.score());
 * }
 * }</pre>
 *
 * <p>An interface so that code using it can be tested with a mock. Implementations are thread-safe.
 * Every method throws a subclass of {@link ai.clavata.sdk.errors.ClavataException} on failure,
 * after any retries.
 */
public interface LabelsClient {

  /**
   * Evaluates one item against 1 to 10 label versions: {@code POST /v1/labels/evaluate}. The
   * results are in the request's order, one per label version. A label version that fails (one the
   * server does not know, say) is a result whose {@link LabelResult#error()} says why, while the
   * others succeed; an error of the whole call is an exception.
   *
   * <p>The endpoint needs a label-first Clavata account. When the server refuses the call with
   * {@code PERMISSION_DENIED} (HTTP 403) or {@code FAILED_PRECONDITION} (HTTP 400), the exception
   * thrown is of the same type, its message says so, and its cause is the exception with the
   * server's message untouched.
   *
   * <p>Each label version is evaluated and billed as its own job, so a 500, 504 or read timeout is
   * not retried by default, as for {@code client.jobs().create}: opt in with {@code
   * ClavataClient.builder().retryNonIdempotent(true)}.
   *
   * @param request the item and the label versions
   * @return the content's hash and one result per label version, in request order
   * @throws ai.clavata.sdk.errors.ClavataDecodeException if the response holds another number of
   *     results than label versions were requested; the message names the jobs it reported
   */
  LabelEvaluation evaluate(EvaluateLabelsRequest request);

  /**
   * The same request, returning its value with the response's HTTP status and headers, such as the
   * request id to quote to support.
   *
   * <pre>{@code
   * ApiResponse<LabelEvaluation> response = client.labels().withRawResponse().evaluate(request);
   * log.info("labels evaluated, request id {}", response.requestId().orElse("none"));
   * }</pre>
   *
   * @return the raw view of this client; cheap to call, and shares everything with it
   */
  WithRawResponse withRawResponse();

  /**
   * The labels request with its response's status and headers: {@code
   * client.labels().withRawResponse()}. It sends what its {@link LabelsClient} namesake sends,
   * retries as it does, and throws the same exceptions; its {@link ApiResponse#value()} equals what
   * the namesake returns.
   */
  interface WithRawResponse {

    /**
     * Evaluates one item against label versions; see {@link LabelsClient#evaluate}.
     *
     * @param request the item and the label versions
     * @return the evaluation, with the response's status and headers
     */
    ApiResponse<LabelEvaluation> evaluate(EvaluateLabelsRequest request);
  }
}
