package ai.clavata.sdk.stream;

import ai.clavata.sdk.model.ApiResponse;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.PolicyEvaluationReport;
import java.util.concurrent.CompletableFuture;

/**
 * Real-time evaluation without blocking the caller: {@code client.async().stream()}.
 *
 * <pre>{@code
 * client.async().stream()
 *     .evaluate(request, result -> moderate(result.inputIndex(), result.report()))
 *     .whenComplete((done, error) -> { if (error != null) log.warn("stream failed", error); });
 * }</pre>
 *
 * <p>An open stream is read on one thread of the async executor (the OkHttp dispatcher's threads by
 * default, or {@link ai.clavata.sdk.ClavataClientBuilder#asyncExecutor}, such as virtual threads)
 * for as long as it lasts, since OkHttp reads block; a retry of the opening request waits on a
 * timer instead. A future fails with the same exceptions the blocking {@link StreamClient} throws.
 */
public interface AsyncStreamClient {

  /**
   * Starts an evaluation and pushes each result to {@code listener} as it arrives. Cancelling the
   * future stops the stream and releases its connection.
   *
   * @param request the content and policy
   * @param listener receives each result
   * @return completes when the last result was handled; fails with the typed error otherwise
   */
  CompletableFuture<Void> evaluate(EvaluateRequest request, EvaluationListener listener);

  /**
   * Evaluates any number of items as {@link StreamClient#evaluateAll(String, Iterable,
   * EvaluateAllOptions)} does, pushing each result to {@code listener} on one executor thread.
   * Cancelling the future stops every request in flight.
   *
   * @param policyId the policy to evaluate against
   * @param items the items, read lazily
   * @param options batch size, concurrency and attempts
   * @param listener receives each result
   * @return completes after the last result; fails with the typed error otherwise
   */
  CompletableFuture<Void> evaluateAll(
      String policyId,
      Iterable<? extends ContentData> items,
      EvaluateAllOptions options,
      EvaluationListener listener);

  /**
   * Evaluates one item.
   *
   * @param policyId the policy to evaluate against
   * @param content the item
   * @return the report
   */
  CompletableFuture<PolicyEvaluationReport> evaluateOne(String policyId, ContentData content);

  /**
   * The same calls, each completing with its value and the HTTP status and headers of the response
   * that opened the stream; see {@link StreamClient#withRawResponse()}. They run as the plain
   * methods do: a retry of the opening request waits on a timer, and cancelling a future stops the
   * stream.
   *
   * <pre>{@code
   * client.async().stream().withRawResponse()
   *     .evaluate(request, result -> moderate(result))
   *     .thenAccept(done -> log.info("stream done, request id {}", done.requestId().orElse("?")));
   * }</pre>
   *
   * @return the raw view of this client
   */
  WithRawResponse withRawResponse();

  /**
   * The async streaming calls with the opening response's status and headers: {@code
   * client.async().stream().withRawResponse()}. Each future fails as its {@link AsyncStreamClient}
   * namesake's does.
   */
  interface WithRawResponse {

    /**
     * Starts an evaluation and pushes each result to {@code listener}; see {@link
     * AsyncStreamClient#evaluate}. The future completes when the last result was handled, as the
     * plain one does; for the headers before the first result, open the stream with the blocking
     * {@link StreamClient.WithRawResponse#evaluate}.
     *
     * @param request the content and policy
     * @param listener receives each result
     * @return a {@code null} value with the opening response's status and headers, once the last
     *     result was handled
     */
    CompletableFuture<ApiResponse<Void>> evaluate(
        EvaluateRequest request, EvaluationListener listener);

    /**
     * Evaluates one item; see {@link StreamClient.WithRawResponse#evaluateOne}.
     *
     * @param policyId the policy to evaluate against
     * @param content the item
     * @return the report, with the stream's response status and headers
     */
    CompletableFuture<ApiResponse<PolicyEvaluationReport>> evaluateOne(
        String policyId, ContentData content);
  }
}
