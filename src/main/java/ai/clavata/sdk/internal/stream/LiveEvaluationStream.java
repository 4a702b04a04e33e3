package ai.clavata.sdk.internal.stream;

import ai.clavata.sdk.internal.OneShotResults;
import ai.clavata.sdk.model.EvaluationResult;
import ai.clavata.sdk.stream.EvaluationStream;

/** An {@link EvaluationStream} over a live response, with the shared one-shot behaviour. */
final class LiveEvaluationStream extends OneShotResults<EvaluationResult>
    implements EvaluationStream {
  LiveEvaluationStream(StreamSession session, ResponseHolder holder) {
    super(session, holder, "an EvaluationStream");
  }
}
