package ai.clavata.sdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An evaluation job: content sent to a policy, and once it completes, one result per item.
 *
 * <pre>{@code
 * Job job = client.jobs().get(jobUuid);
 * if (job.status() == JobStatus.COMPLETED) {
 *   job.reports().forEach(report -> System.out.println(report.outcome()));
 * }
 * }</pre>
 *
 * <p>Jobs listed before they complete carry only basic information.
 *
 * @param jobUuid the job's id
 * @param customerId the owning customer's id
 * @param status the lifecycle status; {@link JobStatus#UNSPECIFIED} when absent
 * @param contentData the content items, as echoed by the server; never {@code null}
 * @param results one result per evaluated item; never {@code null}
 * @param created when the job was created, or {@code null}
 * @param updated when the job last changed, or {@code null}
 * @param completed when the job reached a terminal status, or {@code null} until then
 * @param policyId the policy the job evaluates against
 * @param policyVersionId the policy version that was applied
 * @param threshold the truthiness threshold that was applied
 * @param labelId the label's id on label-first flows, else {@code null}
 * @param labelVersionId the label version's id on label-first flows, else {@code null}
 * @param jobType the billing classification; {@link JobType#UNSPECIFIED} when absent
 */
// Helper views such as isError() are not fields: they must not appear in your own JSON of this
// record (nor, on older Jackson, hide the field of the same name).
@JsonAutoDetect(isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public record Job(
    String jobUuid,
    String customerId,
    JobStatus status,
    List<ContentData> contentData,
    List<JobResult> results,
    Instant created,
    Instant updated,
    Instant completed,
    String policyId,
    String policyVersionId,
    double threshold,
    String labelId,
    String labelVersionId,
    JobType jobType) {

  /**
   * Creates the record, normalizing absent values as documented on the components.
   *
   * @param jobUuid the job's id
   * @param customerId the owning customer's id
   * @param status the lifecycle status; {@link JobStatus#UNSPECIFIED} when absent
   * @param contentData the content items, as echoed by the server; never {@code null}
   * @param results one result per evaluated item; never {@code null}
   * @param created when the job was created, or {@code null}
   * @param updated when the job last changed, or {@code null}
   * @param completed when the job reached a terminal status, or {@code null} until then
   * @param policyId the policy the job evaluates against
   * @param policyVersionId the policy version that was applied
   * @param threshold the truthiness threshold that was applied
   * @param labelId the label's id on label-first flows, else {@code null}
   * @param labelVersionId the label version's id on label-first flows, else {@code null}
   * @param jobType the billing classification; {@link JobType#UNSPECIFIED} when absent
   */
  public Job {
    status = Copies.orDefault(status, JobStatus.UNSPECIFIED);
    contentData = Copies.list(contentData);
    results = Copies.list(results);
    jobType = Copies.orDefault(jobType, JobType.UNSPECIFIED);
  }

  /**
   * The reports of the results that carry one, in result order.
   *
   * @return the non-null {@link JobResult#report()} of each result
   */
  public List<PolicyEvaluationReport> reports() {
    return results.stream().map(JobResult::report).filter(Objects::nonNull).toList();
  }

  /**
   * Whether the job will not change any more.
   *
   * @return {@code status().isTerminal()}
   */
  public boolean isTerminal() {
    return status.isTerminal();
  }
}
