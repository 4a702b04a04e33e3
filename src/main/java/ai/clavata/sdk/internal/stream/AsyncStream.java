package ai.clavata.sdk.internal.stream;

import ai.clavata.sdk.internal.Async;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.EvaluationResult;
import ai.clavata.sdk.model.PolicyEvaluationReport;
import ai.clavata.sdk.stream.AsyncStreamClient;
import ai.clavata.sdk.stream.EvaluateRequest;
import ai.clavata.sdk.stream.EvaluationListener;
import ai.clavata.sdk.stream.EvaluationStream;
import ai.clavata.sdk.stream.StreamClient;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** The {@link AsyncStreamClient} that iterates a blocking {@link StreamClient} on an executor. */
public final class AsyncStream implements AsyncStreamClient {
  private final StreamClient stream;
  private final Executor executor;

  /** Runs {@code stream} on {@code executor}. */
  public AsyncStream(StreamClient stream, Executor executor) {
    this.stream = stream;
    this.executor = executor;
  }

  @Override
  public CompletableFuture<Void> evaluate(EvaluateRequest request, EvaluationListener listener) {
    Objects.requireNonNull(request, "request must not be null");
    Objects.requireNonNull(listener, "listener must not be null");
    CompletableFuture<Void> future = new CompletableFuture<>();
    Async.execute(executor, future, () -> pump(request, listener, future));
    return future;
  }

  @Override
  public CompletableFuture<PolicyEvaluationReport> evaluateOne(
      String policyId, ContentData content) {
    return Async.supply(executor, () -> stream.evaluateOne(policyId, content));
  }

  private void pump(
      EvaluateRequest request, EvaluationListener listener, CompletableFuture<Void> future) {
    if (future.isDone()) {
      return; // cancelled before it started
    }
    EvaluationStream results = null;
    try {
      results = stream.evaluate(request);
      EvaluationStream opened = results;
      future.whenComplete((ignored, error) -> opened.close()); // cancel() stops the stream
      for (EvaluationResult result : results) {
        if (future.isDone()) {
          return;
        }
        listener.onResult(result);
      }
      future.complete(null);
    } catch (RuntimeException | Error failure) {
      future.completeExceptionally(failure);
    } finally {
      if (results != null) {
        results.close();
      }
    }
  }
}
