package ai.clavata.sdk.internal.jobs;

import ai.clavata.sdk.internal.http.CallSafety;
import ai.clavata.sdk.internal.http.Transport;
import ai.clavata.sdk.jobs.CreateJobRequest;
import ai.clavata.sdk.jobs.JobsClient;
import ai.clavata.sdk.jobs.ListJobsRequest;
import ai.clavata.sdk.jobs.Page;
import ai.clavata.sdk.model.ApiResponse;
import ai.clavata.sdk.model.Job;

/**
 * {@link JobsClient#withRawResponse()}: the requests of {@link RealJobsClient}, sent through the
 * transport's raw calls, which keep the status and headers; each value is made as the plain method
 * makes it.
 */
final class RawJobs implements JobsClient.WithRawResponse {
  private final RealJobsClient jobs;
  private final Transport transport;

  RawJobs(RealJobsClient jobs, Transport transport) {
    this.jobs = jobs;
    this.transport = transport;
  }

  @Override
  public ApiResponse<Job> create(CreateJobRequest request) {
    long started = jobs.now();
    ApiResponse<Job> created = createOnce(request);
    return created.withValue(jobs.finished(request, created.value(), started));
  }

  /** The clock, now. */
  long now() {
    return jobs.now();
  }

  /** One {@code POST /v1/jobs}, with the status and headers of its answer. */
  ApiResponse<Job> createOnce(CreateJobRequest request) {
    ApiResponse<JobsWire.JobEnvelope> response =
        transport.postRaw(
            jobs.jobsUrl(),
            RealJobsClient.createBody(request),
            CallSafety.NON_IDEMPOTENT,
            JobsWire.JobEnvelope.class);
    return response.withValue(RealJobsClient.requireJob(response.value(), RealJobsClient.CREATE));
  }

  @Override
  public ApiResponse<Job> get(String jobUuid) {
    ApiResponse<JobsWire.JobEnvelope> response =
        transport.getRaw(jobs.jobUrl(jobUuid), JobsWire.JobEnvelope.class);
    return response.withValue(
        RealJobsClient.requireJob(response.value(), RealJobsClient.GET + jobUuid));
  }

  @Override
  public ApiResponse<Page<Job>> list(ListJobsRequest request) {
    ApiResponse<JobsWire.JobList> response =
        transport.getRaw(jobs.listUrl(request), JobsWire.JobList.class);
    return response.withValue(jobs.page(response.value(), request));
  }
}
