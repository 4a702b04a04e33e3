package ai.clavata.flink;

import java.io.Serializable;

/**
 * Turns an element whose evaluation failed into the operator's output, a failure record, instead of
 * failing the job. Serializable, since Flink ships it to every task.
 *
 * @param <IN> the element type
 * @param <OUT> the output type
 */
@FunctionalInterface
public interface FailureMapper<IN, OUT> extends Serializable {
  /**
   * The output for an element that got no report.
   *
   * @param element the element
   * @param failure why: an SDK exception such as {@code RateLimitException} once the retries are
   *     spent, a {@code ContentRefusedException}, a {@code java.util.concurrent.TimeoutException}
   *     for Flink's timeout, or what {@link ToContent} threw
   * @return the output record; what this throws fails the job
   */
  OUT map(IN element, Throwable failure);
}
