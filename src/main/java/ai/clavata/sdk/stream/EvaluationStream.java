package ai.clavata.sdk.stream;

import ai.clavata.sdk.errors.StreamInterruptedException;
import ai.clavata.sdk.internal.OneShotResults;
import ai.clavata.sdk.model.EvaluationResult;
import ai.clavata.sdk.model.ResultStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The results of one streamed evaluation, each handed over as soon as its line arrives.
 *
 * <pre>{@code
 * try (EvaluationStream results = client.stream().evaluate(request)) {
 *   for (EvaluationResult r : results) {
 *     moderate(request.contentData().get(r.inputIndex()), r.report().outcome());
 *   }
 * }
 * }</pre>
 *
 * <p>It is a {@link ResultStream}: iterable once, and the HTTP response released at the end, on a
 * failure, by {@link #close()}, or by a Cleaner when forgotten. Not thread-safe, except that {@link
 * #close()} may be called from another thread to stop a stream that is blocked waiting for a line.
 *
 * <p>Whatever ends the stream early (an error line, a broken or silent connection, a line that
 * cannot be read, a result that answers no input, an end with inputs unanswered) ends the iteration
 * with a {@link StreamInterruptedException} whose cause says which, after the results already
 * delivered. A stream is never silently shorter.
 */
public interface EvaluationStream extends ResultStream<EvaluationResult> {

  /**
   * A stream over fixed results, for tests of code that uses a mocked {@link StreamClient}. It
   * behaves as a real one: iterable once, closed at the end.
   *
   * @param results the results to hand out
   * @return a new stream
   */
  static EvaluationStream of(List<EvaluationResult> results) {
    final class Fixed extends OneShotResults<EvaluationResult> implements EvaluationStream {
      Fixed() {
        super(List.copyOf(results).iterator(), () -> {}, "an EvaluationStream");
      }
    }
    return new Fixed();
  }

  /**
   * Reads every result into a list. If the stream breaks, the {@link StreamInterruptedException}
   * carries the results collected so far in {@link StreamInterruptedException#results()}.
   *
   * @return all results, in arrival order
   */
  @Override
  default List<EvaluationResult> toList() {
    List<EvaluationResult> collected = new ArrayList<>();
    try {
      for (EvaluationResult result : this) {
        collected.add(result);
      }
    } catch (StreamInterruptedException e) {
      throw new StreamInterruptedException(
          e.getCause(), collected, e.resultsReceived(), e.unansweredInputs());
    }
    return collected;
  }
}
