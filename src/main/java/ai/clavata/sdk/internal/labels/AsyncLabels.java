package ai.clavata.sdk.internal.labels;

import ai.clavata.sdk.internal.Async;
import ai.clavata.sdk.labels.AsyncLabelsClient;
import ai.clavata.sdk.labels.EvaluateLabelsRequest;
import ai.clavata.sdk.labels.LabelEvaluation;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link AsyncLabelsClient}: the request of the blocking {@link RealLabelsClient} run as an
 * {@link Async#call}, so that retries wait on the timer and a cancel reaches the request in flight.
 */
public final class AsyncLabels implements AsyncLabelsClient {
  private final RealLabelsClient labels;
  private final Async async;
  private final AsyncRawLabels raw;

  /** Runs {@code labels} asynchronously. */
  public AsyncLabels(RealLabelsClient labels, Async async) {
    this.labels = labels;
    this.async = async;
    this.raw = new AsyncRawLabels(labels.withRawResponse(), async);
  }

  @Override
  public CompletableFuture<LabelEvaluation> evaluate(EvaluateLabelsRequest request) {
    return async.call(() -> labels.evaluate(request));
  }

  @Override
  public WithRawResponse withRawResponse() {
    return raw;
  }
}
