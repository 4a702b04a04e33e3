package ai.clavata.sdk.internal.jobs;

import ai.clavata.sdk.internal.Async;
import ai.clavata.sdk.jobs.AsyncJobsClient;
import ai.clavata.sdk.jobs.CreateJobRequest;
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
  private final RawJobs raw;
  private final AsyncJobs jobs;
  private final Async async;

  AsyncRawJobs(RawJobs raw, AsyncJobs jobs, Async async) {
    this.raw = raw;
    this.jobs = jobs;
    this.async = async;
  }

  @Override
  public CompletableFuture<ApiResponse<Job>> create(CreateJobRequest request) {
    long started = raw.now();
    return Async.then(
        async.call(() -> raw.createOnce(request)),
        created -> Async.map(jobs.finished(request, created.value(), started), created::withValue));
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
