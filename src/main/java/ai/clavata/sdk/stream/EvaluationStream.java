package ai.clavata.sdk.stream;

import ai.clavata.sdk.errors.StreamInterruptedException;
import ai.clavata.sdk.internal.OneShotResults;
import ai.clavata.sdk.model.EvaluationResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

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
 * <p>It can be iterated once. Iterating to the end, a failure, or {@link #close()} releases the
 * HTTP response; a stream that is dropped without any of these is released by a {@link
 * java.lang.ref.Cleaner} when it is garbage collected, but close it yourself (try-with-resources)
 * to free the connection at once. Not thread-safe, except that {@link #close()} may be called from
 * another thread to stop a stream that is blocked waiting for a line. {@code BatchResults} behaves
 * the same way.
 *
 * <p>Whatever ends the stream early (an error line, a broken or silent connection, a line that
 * cannot be read, a result that answers no input, an end with inputs unanswered) ends the iteration
 * with a {@link StreamInterruptedException} whose cause says which, after the results already
 * delivered. A stream is never silently shorter.
 */
public interface EvaluationStream extends AutoCloseable, Iterable<EvaluationResult> {

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
   * Iterates the results as they arrive. {@code hasNext()} blocks until the next line or the end.
   *
   * @return the iterator
   * @throws IllegalStateException if the stream was already iterated
   */
  @Override
  Iterator<EvaluationResult> iterator();

  /**
   * The results as a sequential {@link Stream}; closing it closes this stream.
   *
   * @return a new stream
   */
  default Stream<EvaluationResult> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(
                iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  /**
   * Reads every result into a list. If the stream breaks, the {@link StreamInterruptedException}
   * carries the results collected so far in {@link StreamInterruptedException#results()}.
   *
   * @return all results, in arrival order
   */
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

  /** Stops the stream and releases the HTTP response. Idempotent; safe from any thread. */
  @Override
  void close();
}
