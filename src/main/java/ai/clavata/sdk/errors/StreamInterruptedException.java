package ai.clavata.sdk.errors;

import ai.clavata.sdk.model.EvaluationResult;
import java.util.List;

/**
 * A stream of results ended early. The cause says why: the typed error of an error line (a {@link
 * RateLimitException}, a {@link ContentRefusedException}, …), a {@link ClavataIoException} or
 * {@link ClavataTimeoutException} when the connection broke or went silent, or a {@link
 * ClavataDecodeException} when a line could not be read or did not answer an input, or the stream
 * ended with inputs unanswered.
 *
 * <pre>{@code
 * try (EvaluationStream results = client.stream().evaluate(request)) {
 *   for (EvaluationResult r : results) handle(r);
 * } catch (StreamInterruptedException e) {
 *   for (int index : e.unansweredInputs()) retryLater(request.contentData().get(index));
 * }
 * }</pre>
 *
 * <p>The results before the error were delivered by the iteration. A call that collects the results
 * ({@code EvaluationStream.toList()}) also finds them in {@link #results()}; a plain iteration does
 * not keep them, so that memory stays flat however long the stream.
 */
public class StreamInterruptedException extends ClavataException {
  private final transient List<EvaluationResult> results;

  /** How many results the stream delivered before the error. */
  private final long resultsReceived;

  /** The inputs that got no result. */
  private final List<Integer> unansweredInputs;

  /**
   * Creates the exception.
   *
   * @param cause what ended the stream
   * @param results the results collected before the error, if the call kept them; else empty
   * @param resultsReceived how many results were delivered before the error
   * @param unansweredInputs the 0-based indexes of the inputs that got no result
   */
  public StreamInterruptedException(
      ClavataException cause,
      List<EvaluationResult> results,
      long resultsReceived,
      List<Integer> unansweredInputs) {
    super(
        "The result stream ended with an error after "
            + resultsReceived
            + " result(s); "
            + unansweredInputs.size()
            + " input(s) got no result: "
            + cause.getMessage(),
        cause);
    this.results = List.copyOf(results);
    this.resultsReceived = resultsReceived;
    this.unansweredInputs = List.copyOf(unansweredInputs);
  }

  /**
   * What ended the stream: the server's typed error, a network failure or a decode error.
   *
   * @return the cause, never {@code null}
   */
  @Override
  public synchronized ClavataException getCause() {
    return (ClavataException) super.getCause();
  }

  /**
   * The results received before the error, when the call collected them.
   *
   * @return the results of a collecting call such as {@code toList()}; empty for plain iteration
   */
  public List<EvaluationResult> results() {
    return results;
  }

  /**
   * How many results were delivered before the error.
   *
   * @return the count
   */
  public long resultsReceived() {
    return resultsReceived;
  }

  /**
   * The inputs that got no result, in input order: send them again to finish the work.
   *
   * @return 0-based indexes into the request's content list; empty when correlation was off and the
   *     SDK could not tell
   */
  public List<Integer> unansweredInputs() {
    return unansweredInputs;
  }
}
