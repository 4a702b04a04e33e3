package ai.clavata.sdk.jobs;

import ai.clavata.sdk.model.ApiResponse;
import ai.clavata.sdk.model.Job;
import ai.clavata.sdk.model.PollOptions;
import ai.clavata.sdk.model.ProgressListener;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The jobs API without blocking the caller: {@code client.async().jobs()}. Each method does what
 * its {@link JobsClient} namesake does, on the async executor (the OkHttp dispatcher's threads by
 * default), and its future fails with the same exceptions, invalid arguments included. Waits
 * between polls and before retries are timers, not parked threads; cancelling a future stops its
 * polling and its request in flight.
 *
 * <pre>{@code
 * client.async().jobs().get(jobUuid).thenAccept(job -> System.out.println(job.status()));
 * }</pre>
 */
public interface AsyncJobsClient {

  /**
   * Creates a job; see {@link JobsClient#create}.
   *
   * @param request the job to create
   * @return the created job
   */
  CompletableFuture<Job> create(CreateJobRequest request);

  /**
   * Reads a job; see {@link JobsClient#get}.
   *
   * @param jobUuid the job's id
   * @return the job
   */
  CompletableFuture<Job> get(String jobUuid);

  /**
   * Lists one page of jobs; see {@link JobsClient#list(ListJobsRequest)}. The page's {@code
   * nextPage()} blocks; call it from the future's callbacks or another thread.
   *
   * @param request the filters and paging
   * @return the page
   */
  CompletableFuture<Page<Job>> list(ListJobsRequest request);

  /**
   * Polls a job until it reaches a terminal status; see {@link JobsClient#awaitCompletion(String,
   * PollOptions, ProgressListener)}. Between polls no thread waits; the listener is called on an
   * async executor thread.
   *
   * @param jobUuid the job's id
   * @param options poll intervals and the overall timeout
   * @param listener hears each status change
   * @return the job in its terminal status
   */
  CompletableFuture<Job> awaitCompletion(
      String jobUuid, PollOptions options, ProgressListener<Job> listener);

  /**
   * Polls a job until it reaches a terminal status; see {@link JobsClient#awaitCompletion(String,
   * PollOptions)}.
   *
   * @param jobUuid the job's id
   * @param options poll intervals and the overall timeout
   * @return the job in its terminal status
   */
  default CompletableFuture<Job> awaitCompletion(String jobUuid, PollOptions options) {
    return awaitCompletion(jobUuid, options, ProgressListener.none());
  }

  /**
   * Polls a job until it reaches a terminal status; see {@link JobsClient#awaitCompletion(String,
   * Duration)}.
   *
   * @param jobUuid the job's id
   * @param timeout how long to wait in total
   * @return the job in its terminal status
   */
  default CompletableFuture<Job> awaitCompletion(String jobUuid, Duration timeout) {
    try {
      return awaitCompletion(jobUuid, PollOptions.forJobs().withTimeout(timeout));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * The same requests, each completing with its value and the response's HTTP status and headers;
   * see {@link JobsClient#withRawResponse()}. They run as the plain methods do: retries wait on a
   * timer, and cancelling a future cancels its request in flight.
   *
   * <pre>{@code
   * client.async().jobs().withRawResponse().get(jobUuid)
   *     .thenAccept(r -> log.info("{} (request {})", r.value().status(), r.requestId().orElse("?")));
   * }</pre>
   *
   * <p>{@link #awaitCompletion} sends many requests, so it has no one response to report and is not
   * here.
   *
   * @return the raw view of this client
   */
  WithRawResponse withRawResponse();

  /**
   * The async jobs requests with their responses' status and headers: {@code
   * client.async().jobs().withRawResponse()}. Each future fails as its {@link AsyncJobsClient}
   * namesake's does.
   */
  interface WithRawResponse {

    /**
     * Creates a job; see {@link JobsClient.WithRawResponse#create}.
     *
     * @param request the job to create
     * @return the created job, with the response's status and headers
     */
    CompletableFuture<ApiResponse<Job>> create(CreateJobRequest request);

    /**
     * Reads a job; see {@link JobsClient.WithRawResponse#get}.
     *
     * @param jobUuid the job's id
     * @return the job, with the response's status and headers
     */
    CompletableFuture<ApiResponse<Job>> get(String jobUuid);

    /**
     * Lists one page of jobs; see {@link JobsClient.WithRawResponse#list(ListJobsRequest)}. The
     * page's {@code nextPage()} blocks and returns a plain page.
     *
     * @param request the filters and paging
     * @return the page, with the response's status and headers
     */
    CompletableFuture<ApiResponse<Page<Job>>> list(ListJobsRequest request);
  }
}
