package ai.clavata.sdk.internal.stream;

import ai.clavata.sdk.internal.Async;
import ai.clavata.sdk.model.ApiResponse;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.PolicyEvaluationReport;
import ai.clavata.sdk.stream.AsyncStreamClient;
import ai.clavata.sdk.stream.EvaluateRequest;
import ai.clavata.sdk.stream.EvaluationListener;
import ai.clavata.sdk.stream.StreamClient;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@link AsyncStreamClient#withRawResponse()}: as {@link AsyncStream}, the stream opened by the raw
 * view of the blocking client as an {@link Async#call}, then pumped; the opening response's status
 * and headers are kept for the end.
 */
final class AsyncRawStream implements AsyncStreamClient.WithRawResponse {
  private final AsyncStream plain;
  private final StreamClient.WithRawResponse raw;
  private final Async async;

  AsyncRawStream(AsyncStream plain, StreamClient.WithRawResponse raw, Async async) {
    this.plain = plain;
    this.raw = raw;
    this.async = async;
  }

  @Override
  public CompletableFuture<ApiResponse<Void>> evaluate(
      EvaluateRequest request, EvaluationListener listener) {
    Objects.requireNonNull(request, "request must not be null");
    Objects.requireNonNull(listener, "listener must not be null");
    return Async.then(
        async.call(() -> raw.evaluate(request)),
        opened ->
            Async.map(
                plain.pump(opened.value(), listener),
                done -> new ApiResponse<Void>(null, opened.statusCode(), opened.headers())));
  }

  @Override
  public CompletableFuture<ApiResponse<PolicyEvaluationReport>> evaluateOne(
      String policyId, ContentData content) {
    return async.call(() -> raw.evaluateOne(policyId, content));
  }
}
