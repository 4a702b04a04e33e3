package ai.clavata.sdk.internal.jobs;

import ai.clavata.sdk.internal.Async;
import ai.clavata.sdk.jobs.AsyncJobsClient;
import ai.clavata.sdk.jobs.CreateJobRequest;
import ai.clavata.sdk.jobs.JobsClient;
import ai.clavata.sdk.jobs.ListJobsRequest;
import ai.clavata.sdk.jobs.Page;
import ai.clavata.sdk.model.Job;
import ai.clavata.sdk.model.PollOptions;
import ai.clavata.sdk.model.ProgressListener;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** The {@link AsyncJobsClient} that runs a blocking {@link JobsClient} on an executor. */
public final class AsyncJobs implements AsyncJobsClient {
  private final JobsClient jobs;
  private final Executor executor;

  /** Runs {@code jobs} on {@code executor}. */
  public AsyncJobs(JobsClient jobs, Executor executor) {
    this.jobs = jobs;
    this.executor = executor;
  }

  @Override
  public CompletableFuture<Job> create(CreateJobRequest request) {
    return Async.supply(executor, () -> jobs.create(request));
  }

  @Override
  public CompletableFuture<Job> get(String jobUuid) {
    return Async.supply(executor, () -> jobs.get(jobUuid));
  }

  @Override
  public CompletableFuture<Page<Job>> list(ListJobsRequest request) {
    return Async.supply(executor, () -> jobs.list(request));
  }

  @Override
  public CompletableFuture<Job> awaitCompletion(
      String jobUuid, PollOptions options, ProgressListener<Job> listener) {
    return Async.supply(executor, () -> jobs.awaitCompletion(jobUuid, options, listener));
  }
}
