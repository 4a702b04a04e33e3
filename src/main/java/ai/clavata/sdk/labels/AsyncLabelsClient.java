package ai.clavata.sdk.labels;

import ai.clavata.sdk.model.ApiResponse;
import java.util.concurrent.CompletableFuture;

/**
 * Label evaluation without blocking the caller: {@code client.async().labels()}. Each method does
 * what its {@link LabelsClient} namesake does, on the async executor (the OkHttp dispatcher's
 * threads by default), and its future fails with the same exceptions, invalid arguments included.
 * Waits before retries are timers, not parked threads; cancelling a future cancels its request in
 * flight.
 *
 * <pre>{@code
 * List<CompletableFuture<LabelEvaluation>> all = posts.stream()
 *     .map(post -> client.async().labels().evaluate(EvaluateLabelsRequest.builder()
 *         .content(ContentData.text(post)).addLabelVersionId(labelVersionId).build()))
 *     .toList();
 * }</pre>
 */
public interface AsyncLabelsClient {

  /**
   * Evaluates one item against label versions; see {@link LabelsClient#evaluate}.
   *
   * @param request the item and the label versions
   * @return the content's hash and one result per label version, in request order
   */
  CompletableFuture<LabelEvaluation> evaluate(EvaluateLabelsRequest request);

  /**
   * The same request, completing with its value and the response's HTTP status and headers; see
   * {@link LabelsClient#withRawResponse()}.
   *
   * @return the raw view of this client
   */
  WithRawResponse withRawResponse();

  /**
   * The async labels request with its response's status and headers: {@code
   * client.async().labels().withRawResponse()}. Its future fails as its {@link AsyncLabelsClient}
   * namesake's does.
   */
  interface WithRawResponse {

    /**
     * Evaluates one item against label versions; see {@link LabelsClient.WithRawResponse#evaluate}.
     *
     * @param request the item and the label versions
     * @return the evaluation, with the response's status and headers
     */
    CompletableFuture<ApiResponse<LabelEvaluation>> evaluate(EvaluateLabelsRequest request);
  }
}
