package ai.clavata.sdk.internal.jobs;

import ai.clavata.sdk.internal.Async;
import ai.clavata.sdk.internal.Poller;
import ai.clavata.sdk.jobs.AsyncJobsClient;
import ai.clavata.sdk.jobs.CreateJobRequest;
import ai.clavata.sdk.jobs.ListJobsRequest;
import ai.clavata.sdk.jobs.Page;
import ai.clavata.sdk.model.Job;
import ai.clavata.sdk.model.PollOptions;
import ai.clavata.sdk.model.ProgressListener;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link AsyncJobsClient}: each request of the blocking {@link RealJobsClient} run as an {@link
 * Async#call}, and waits between polls timed, not slept.
 */
public final class AsyncJobs implements AsyncJobsClient {
  private final RealJobsClient jobs;
  private final Async async;
  private final AsyncRawJobs raw;

  /** Runs {@code jobs} asynchronously. */
  public AsyncJobs(RealJobsClient jobs, Async async) {
    this.jobs = jobs;
    this.async = async;
    this.raw = new AsyncRawJobs(jobs.raw(), this, async);
  }

  @Override
  public CompletableFuture<Job> create(CreateJobRequest request) {
    long started = jobs.now();
    return Async.then(
        async.call(() -> jobs.createOnce(request)), job -> finished(request, job, started));
  }

  /** As {@link RealJobsClient#finished}, its polls timed on the timer. */
  CompletableFuture<Job> finished(CreateJobRequest request, Job job, long startedNanos) {
    Poller.Watch<Job> watch;
    try {
      watch = jobs.completionWatch(request, job, startedNanos);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return watch == null
        ? CompletableFuture.completedFuture(job)
        : async.pollAfter(job, watch, () -> get(job.jobUuid()));
  }

  @Override
  public CompletableFuture<Job> get(String jobUuid) {
    return async.call(() -> jobs.get(jobUuid));
  }

  @Override
  public CompletableFuture<Page<Job>> list(ListJobsRequest request) {
    return async.call(() -> jobs.list(request));
  }

  @Override
  public CompletableFuture<Job> awaitCompletion(
      String jobUuid, PollOptions options, ProgressListener<Job> listener) {
    return async.poll(() -> jobs.watch(jobUuid, options, listener), () -> get(jobUuid));
  }

  @Override
  public WithRawResponse withRawResponse() {
    return raw;
  }
}
