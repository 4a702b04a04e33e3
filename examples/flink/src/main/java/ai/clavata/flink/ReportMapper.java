package ai.clavata.flink;

import ai.clavata.sdk.model.PolicyEvaluationReport;
import java.io.Serializable;

/**
 * Turns an element and its evaluation report into the operator's output. Serializable, since Flink
 * ships it to every task.
 *
 * @param <IN> the element type
 * @param <OUT> the output type
 */
@FunctionalInterface
public interface ReportMapper<IN, OUT> extends Serializable {
  /**
   * The output for an evaluated element.
   *
   * @param element the element
   * @param report its report; never {@code null}
   * @return the output record; what this throws fails the job
   */
  OUT map(IN element, PolicyEvaluationReport report);
}
