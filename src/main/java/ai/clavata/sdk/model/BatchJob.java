package ai.clavata.sdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Instant;

/**
 * A batch job: a file of content items evaluated against a policy in bulk.
 *
 * @param batchJobId the job's id
 * @param name the name given at creation
 * @param state the lifecycle state; {@link BatchJobState#UNSPECIFIED} when absent
 * @param createdAt when the job was created, or {@code null}
 * @param updatedAt when the job last changed, or {@code null}
 * @param policyId the policy the items are evaluated against
 * @param policyVersionId the policy version that was active when the job started
 * @param outputFileUrl the presigned URL of the results file, set only once the job is {@link
 *     BatchJobState#COMPLETED} and valid about 4 hours (each read returns a fresh one); {@code
 *     null} or empty before
 */
// Helper views such as isError() are not fields: they must not appear in your own JSON of this
// record (nor, on older Jackson, hide the field of the same name).
@JsonAutoDetect(isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public record BatchJob(
    String batchJobId,
    String name,
    BatchJobState state,
    Instant createdAt,
    Instant updatedAt,
    String policyId,
    String policyVersionId,
    String outputFileUrl) {

  /**
   * Creates the record, normalizing absent values.
   *
   * @param batchJobId the job's id
   * @param name the job's name
   * @param state the lifecycle state
   * @param createdAt the creation time
   * @param updatedAt the last change
   * @param policyId the policy's id
   * @param policyVersionId the policy version's id
   * @param outputFileUrl the results file's URL
   */
  public BatchJob {
    state = Copies.orDefault(state, BatchJobState.UNSPECIFIED);
    if (outputFileUrl != null && outputFileUrl.isEmpty()) {
      outputFileUrl = null;
    }
  }

  /**
   * Whether the job will not change any more.
   *
   * @return {@code state().isTerminal()}
   */
  public boolean isTerminal() {
    return state.isTerminal();
  }
}
