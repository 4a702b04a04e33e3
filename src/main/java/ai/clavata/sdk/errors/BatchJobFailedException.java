package ai.clavata.sdk.errors;

import ai.clavata.sdk.model.BatchJob;

/**
 * A batch job that was being awaited ended in {@code ERROR} or {@code CANCELLED}.
 *
 * <pre>{@code
 * catch (BatchJobFailedException e) {
 *   log.warn("batch {} ended {}", e.job().batchJobId(), e.job().state());
 * }
 * }</pre>
 */
public class BatchJobFailedException extends ClavataException {
  /** The job in its final state. */
  private final transient BatchJob job;

  /**
   * Creates the exception.
   *
   * @param job the job in its final state
   */
  public BatchJobFailedException(BatchJob job) {
    super(
        "batch job "
            + job.batchJobId()
            + " ended in state "
            + job.state()
            + "; it produced no results file. Check the input file and the policy, then create a"
            + " new batch job");
    this.job = job;
  }

  /**
   * The job in its final state.
   *
   * @return the job
   */
  public BatchJob job() {
    return job;
  }
}
