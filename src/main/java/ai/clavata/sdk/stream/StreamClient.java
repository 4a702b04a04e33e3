package ai.clavata.sdk.stream;

import ai.clavata.sdk.model.ApiResponse;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.PolicyEvaluationReport;
import java.util.stream.Stream;

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
   * Evaluates any number of items, read lazily from {@code items}, in batches of {@code
   * options.batchSize()} with up to {@code options.maxConcurrency()} stream requests in flight, and
   * returns every result as it arrives (in completion order), each with the item's 0-based position
   * in {@code items} as its {@link ai.clavata.sdk.model.EvaluationResult#inputIndex()}. Memory
   * stays flat however many items there are: when you stop consuming, the SDK stops reading the
   * streams and {@code items}.
   *
   * <p>A 429 or 503 halves the concurrency (raised again by one after each success) and resends the
   * unanswered items after the server's {@code Retry-After} or the retry backoff, each item at most
   * {@code options.maxAttempts()} times. Every item is answered once or reported: the run then
   * ends, after the results already received, with a {@link
   * ai.clavata.sdk.errors.StreamInterruptedException} listing the unanswered items' indexes. Close
   * the stream to stop early; that ends every request in flight.
   *
   * <pre>{@code
   * try (EvaluationStream results = client.stream().evaluateAll(policyId, comments,
   *     EvaluateAllOptions.builder().batchSize(100).maxConcurrency(8).build())) {
   *   for (EvaluationResult r : results) store(r.inputIndex(), r.report().outcome());
   * }
   * }</pre>
   *
   * @param policyId the policy to evaluate against
   * @param items the items, read once, lazily, on the SDK's worker threads
   * @param options batch size, concurrency and attempts
   * @return the open stream of results; close it or iterate it to the end
   */
  EvaluationStream evaluateAll(
      String policyId, Iterable<? extends ContentData> items, EvaluateAllOptions options);

  /**
   * {@link #evaluateAll(String, Iterable, EvaluateAllOptions)} over a {@link
   * java.util.stream.Stream}, read lazily.
   *
   * @param policyId the policy to evaluate against
   * @param items the items
   * @param options batch size, concurrency and attempts
   * @return the open stream of results
   */
  default EvaluationStream evaluateAll(
      String policyId, Stream<? extends ContentData> items, EvaluateAllOptions options) {
    Iterable<ContentData> once = () -> items.<ContentData>map(item -> item).iterator();
    return evaluateAll(policyId, once, options);
  }

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

  /**
   * The same calls, each returning its value with the HTTP status and headers of the response that
   * opened the stream, such as the request id to quote to support. The plain methods skip building
   * the headers; use this view only where you need them.
   *
   * <pre>{@code
   * ApiResponse<EvaluationStream> opened = client.stream().withRawResponse().evaluate(request);
   * log.info("stream opened, request id {}", opened.requestId().orElse("none"));
   * try (EvaluationStream results = opened.value()) {
   *   for (EvaluationResult r : results) handle(r);
   * }
   * }</pre>
   *
   * @return the raw view of this client; cheap to call, and shares everything with it
   */
  WithRawResponse withRawResponse();

  /**
   * The streaming calls with the opening response's status and headers: {@code
   * client.stream().withRawResponse()}. Each method sends what its {@link StreamClient} namesake
   * sends, retries as it does, and throws the same exceptions. A resubmission of unanswered inputs
   * ({@link EvaluateRequest.Builder#resubmitUnanswered}) opens another response mid-stream; its
   * headers are not reported.
   */
  interface WithRawResponse {

    /**
     * Starts an evaluation; see {@link StreamClient#evaluate}. Returns once the server has accepted
     * the request, with the stream of results to read and close as the plain method's.
     *
     * @param request the content and policy
     * @return the open stream of results, with the opening response's status and headers
     */
    ApiResponse<EvaluationStream> evaluate(EvaluateRequest request);

    /**
     * Evaluates one item; see {@link StreamClient#evaluateOne}.
     *
     * @param policyId the policy to evaluate against
     * @param content the item
     * @return the report, with the stream's response status and headers
     */
    ApiResponse<PolicyEvaluationReport> evaluateOne(String policyId, ContentData content);
  }
}
