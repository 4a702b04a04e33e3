package ai.clavata.sdk.internal.labels;

import ai.clavata.sdk.internal.Async;
import ai.clavata.sdk.labels.AsyncLabelsClient;
import ai.clavata.sdk.labels.EvaluateLabelsRequest;
import ai.clavata.sdk.labels.LabelEvaluation;
import ai.clavata.sdk.labels.LabelsClient;
import ai.clavata.sdk.model.ApiResponse;
import java.util.concurrent.CompletableFuture;

/**
 * {@link AsyncLabelsClient#withRawResponse()}: the request of {@link RawLabels} run as an {@link
 * Async#call}, so that retries wait on the timer and a cancel reaches the request in flight.
 */
final class AsyncRawLabels implements AsyncLabelsClient.WithRawResponse {
  private final LabelsClient.WithRawResponse raw;
  private final Async async;

  AsyncRawLabels(LabelsClient.WithRawResponse raw, Async async) {
    this.raw = raw;
    this.async = async;
  }

  @Override
  public CompletableFuture<ApiResponse<LabelEvaluation>> evaluate(EvaluateLabelsRequest request) {
    return async.call(() -> raw.evaluate(request));
  }
}
