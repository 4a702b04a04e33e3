package ai.clavata.sdk.internal.jobs;

import ai.clavata.sdk.internal.Async;
import ai.clavata.sdk.jobs.AsyncJobsClient;
import ai.clavata.sdk.jobs.CreateJobRequest;
import ai.clavata.sdk.jobs.JobsClient;
import ai.clavata.sdk.jobs.ListJobsRequest;
import ai.clavata.sdk.jobs.Page;
import ai.clavata.sdk.model.ApiResponse;
import ai.clavata.sdk.model.Job;
import java.util.concurrent.CompletableFuture;

/**
 * {@link AsyncJobsClient#withRawResponse()}: each request of {@link RawJobs} run as an {@link
 * Async#call}, so that retries wait on the timer and a cancel reaches the request in flight.
 */
final class AsyncRawJobs implements AsyncJobsClient.WithRawResponse {
  private final JobsClient.WithRawResponse raw;
  private final Async async;

  AsyncRawJobs(JobsClient.WithRawResponse raw, Async async) {
    this.raw = raw;
    this.async = async;
  }

  @Override
  public CompletableFuture<ApiResponse<Job>> create(CreateJobRequest request) {
    return async.call(() -> raw.create(request));
  }

  @Override
  public CompletableFuture<ApiResponse<Job>> get(String jobUuid) {
    return async.call(() -> raw.get(jobUuid));
  }

  @Override
  public CompletableFuture<ApiResponse<Page<Job>>> list(ListJobsRequest request) {
    return async.call(() -> raw.list(request));
  }
}
