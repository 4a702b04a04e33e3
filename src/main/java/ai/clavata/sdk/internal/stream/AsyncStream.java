package ai.clavata.sdk.internal.stream;

import ai.clavata.sdk.internal.Async;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.EvaluationResult;
import ai.clavata.sdk.model.PolicyEvaluationReport;
import ai.clavata.sdk.stream.AsyncStreamClient;
import ai.clavata.sdk.stream.EvaluateAllOptions;
import ai.clavata.sdk.stream.EvaluateRequest;
import ai.clavata.sdk.stream.EvaluationListener;
import ai.clavata.sdk.stream.EvaluationStream;
import ai.clavata.sdk.stream.StreamClient;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link AsyncStreamClient}: the stream is opened as an {@link Async#call} (so a retry of the
 * opening request waits on the timer), then read on one executor thread for as long as it lasts,
 * since OkHttp reads block. Resubmission waits in the middle of a stream happen on that thread.
 */
public final class AsyncStream implements AsyncStreamClient {
  private final StreamClient stream;
  private final Async async;
  private final AsyncRawStream raw;

  /** Runs {@code stream} asynchronously. */
  public AsyncStream(StreamClient stream, Async async) {
    this.stream = stream;
    this.async = async;
    this.raw = new AsyncRawStream(this, stream.withRawResponse(), async);
  }

  @Override
  public CompletableFuture<Void> evaluate(EvaluateRequest request, EvaluationListener listener) {
    Objects.requireNonNull(request, "request must not be null");
    Objects.requireNonNull(listener, "listener must not be null");
    return Async.then(async.call(() -> stream.evaluate(request)), opened -> pump(opened, listener));
  }

  @Override
  public CompletableFuture<Void> evaluateAll(
      String policyId,
      Iterable<? extends ContentData> items,
      EvaluateAllOptions options,
      EvaluationListener listener) {
    Objects.requireNonNull(listener, "listener must not be null");
    return Async.then(
        async.work(() -> stream.evaluateAll(policyId, items, options)),
        opened -> pump(opened, listener));
  }

  @Override
  public CompletableFuture<PolicyEvaluationReport> evaluateOne(
      String policyId, ContentData content) {
    return async.call(() -> stream.evaluateOne(policyId, content));
  }

  @Override
  public WithRawResponse withRawResponse() {
    return raw;
  }

  /** Hands each result to the listener on an executor thread; cancelling closes the stream. */
  CompletableFuture<Void> pump(EvaluationStream results, EvaluationListener listener) {
    CompletableFuture<Void> future = new CompletableFuture<>();
    future.whenComplete((ignored, error) -> results.close()); // cancel() releases the connection
    async.execute(
        future,
        () -> {
          try (results) {
            for (EvaluationResult result : results) {
              if (future.isDone()) {
                return;
              }
              listener.onResult(result);
            }
            future.complete(null);
          } catch (RuntimeException | Error failure) {
            future.completeExceptionally(failure);
          }
        });
    return future;
  }
}
