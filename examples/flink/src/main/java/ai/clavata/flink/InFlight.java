package ai.clavata.flink;

import ai.clavata.sdk.model.ContentData;
import java.util.concurrent.Future;
import org.apache.flink.streaming.api.functions.async.ResultFuture;

/** One element between {@code asyncInvoke} and the completion of its {@link ResultFuture}. */
final class InFlight<IN, OUT> {
  final IN input;
  final ResultFuture<OUT> resultFuture;
  final ContentData content;
  private volatile Future<?> call;

  InFlight(IN input, ResultFuture<OUT> resultFuture, ContentData content) {
    this.input = input;
    this.resultFuture = resultFuture;
    this.content = content;
  }

  /** Remembers the call evaluating this element alone, so that a timeout can cancel it. */
  void call(Future<?> call) {
    this.call = call;
  }

  /** Cancels the element's own call, if it has one; a batch's call goes on for the others. */
  void cancelCall() {
    Future<?> own = call;
    if (own != null) {
      own.cancel(true);
    }
  }
}
