package ai.clavata.sdk.internal.stream;

import ai.clavata.sdk.internal.OneShotResults;
import ai.clavata.sdk.model.EvaluationResult;
import ai.clavata.sdk.stream.EvaluationStream;
import java.util.Iterator;

/** An {@link EvaluationStream} over a live response, with the shared one-shot behaviour. */
final class LiveEvaluationStream implements EvaluationStream {
  private final OneShotResults<EvaluationResult> results;

  LiveEvaluationStream(StreamSession session, ResponseHolder holder) {
    this.results = OneShotResults.of(session, holder, "an EvaluationStream");
  }

  @Override
  public Iterator<EvaluationResult> iterator() {
    return results.iterator();
  }

  @Override
  public void close() {
    results.close();
  }
}
