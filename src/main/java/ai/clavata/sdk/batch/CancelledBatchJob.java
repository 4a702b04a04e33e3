package ai.clavata.sdk.batch;

import ai.clavata.sdk.model.BatchJobError;
import ai.clavata.sdk.model.BatchJobState;

/**
 * The answer to a cancel request.
 *
 * @param batchJobId the job's id
 * @param state the job's state after the request
 * @param error an error the service reported, or {@code null}
 */
public record CancelledBatchJob(String batchJobId, BatchJobState state, BatchJobError error) {
  /**
   * Creates the record, normalizing an absent state.
   *
   * @param batchJobId the job's id
   * @param state the job's state
   * @param error the error, or {@code null}
   */
  public CancelledBatchJob {
    state = state == null ? BatchJobState.UNSPECIFIED : state;
  }
}
