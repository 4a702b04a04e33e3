package ai.clavata.sdk.batch;

import ai.clavata.sdk.model.ApiResponse;
import ai.clavata.sdk.model.BatchJob;
import ai.clavata.sdk.model.BatchJobCreated;
import ai.clavata.sdk.model.PollOptions;
import ai.clavata.sdk.model.ProgressListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Bulk evaluation without blocking the caller: {@code client.async().batch()}. Each method does
 * what its {@link BatchClient} namesake does and its future fails with the same exceptions. Waits
 * between polls and before retries are timers, not parked threads, so a thousand jobs can be
 * awaited at once; cancelling a future stops its polling and its request in flight.
 *
 * <pre>{@code
 * client.async().batch()
 *     .run("nightly", policyId, BatchInput.of(rows), PollOptions.forBatchJobs())
 *     .thenApply(done -> client.batch().results(done))
 *     .thenAccept(results -> { try (results) { results.forEach(this::store); } });
 * }</pre>
 */
public interface AsyncBatchClient {

  /**
   * Creates a batch job; see {@link BatchClient#create(String, String)}.
   *
   * @param name a name for the job
   * @param policyId the policy to evaluate against
   * @return the job's id and its upload URL
   */
  default CompletableFuture<BatchJobCreated> create(String name, String policyId) {
    try {
      return create(CreateBatchJobRequest.of(name, policyId));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Creates a batch job; see {@link BatchClient#create(CreateBatchJobRequest)}.
   *
   * @param request the job to create
   * @return the job's id and its upload URL
   */
  CompletableFuture<BatchJobCreated> create(CreateBatchJobRequest request);

  /**
   * Checks and uploads the input; see {@link BatchClient#upload}. Writing the file runs on the
   * async executor; nothing is uploaded if a row is invalid.
   *
   * @param created the job to upload to
   * @param input the rows or CSV file
   * @return how many rows were uploaded
   */
  CompletableFuture<Long> upload(BatchJobCreated created, BatchInput input);

  /**
   * Starts a batch job; see {@link BatchClient#start}.
   *
   * @param batchJobId the job's id
   * @return completes when the job was started
   */
  CompletableFuture<Void> start(String batchJobId);

  /**
   * Reads one batch job; see {@link BatchClient#get}.
   *
   * @param batchJobId the job's id
   * @return the job
   */
  CompletableFuture<BatchJob> get(String batchJobId);

  /**
   * Lists batch jobs; see {@link BatchClient#list(ListBatchJobsRequest)}.
   *
   * @param request the filters
   * @return the matching jobs
   */
  CompletableFuture<List<BatchJob>> list(ListBatchJobsRequest request);

  /**
   * Lists every batch job; see {@link BatchClient#list()}.
   *
   * @return all jobs
   */
  default CompletableFuture<List<BatchJob>> list() {
    return list(ListBatchJobsRequest.builder().build());
  }

  /**
   * Cancels a batch job; see {@link BatchClient#cancel}.
   *
   * @param batchJobId the job's id
   * @return the job's state after the request
   */
  CompletableFuture<CancelledBatchJob> cancel(String batchJobId);

  /**
   * Polls a job until it completes; see {@link BatchClient#awaitCompletion(String, PollOptions,
   * ProgressListener)}. The listener is called on an async executor thread.
   *
   * @param batchJobId the job's id
   * @param options poll intervals and the overall timeout
   * @param listener hears each state change
   * @return the completed job; fails with {@link ai.clavata.sdk.errors.BatchJobFailedException} at
   *     ERROR or CANCELLED
   */
  CompletableFuture<BatchJob> awaitCompletion(
      String batchJobId, PollOptions options, ProgressListener<BatchJob> listener);

  /**
   * Polls a job until it completes; see {@link BatchClient#awaitCompletion(String, PollOptions)}.
   *
   * @param batchJobId the job's id
   * @param options poll intervals and the overall timeout
   * @return the completed job
   */
  default CompletableFuture<BatchJob> awaitCompletion(String batchJobId, PollOptions options) {
    return awaitCompletion(batchJobId, options, ProgressListener.none());
  }

  /**
   * Polls a job until it completes, with the defaults of {@link PollOptions#forBatchJobs()} and
   * another overall timeout; see {@link BatchClient#awaitCompletion(String, Duration)}.
   *
   * @param batchJobId the job's id
   * @param timeout how long to wait in total
   * @return the completed job
   */
  default CompletableFuture<BatchJob> awaitCompletion(String batchJobId, Duration timeout) {
    try {
      return awaitCompletion(batchJobId, PollOptions.forBatchJobs().withTimeout(timeout));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Opens a completed job's results file; see {@link BatchClient#results}. The rows are read by
   * iterating the returned {@link BatchResults}, which blocks; close it when done.
   *
   * @param job a job in state COMPLETED
   * @return the rows
   */
  CompletableFuture<BatchResults> results(BatchJob job);

  /**
   * Creates a job, uploads the input, starts the job and waits for it to complete; see {@link
   * BatchClient#run(String, String, BatchInput, PollOptions, ProgressListener)}. Cancelling the
   * future stops the step under way; a job already created goes on, and is not cancelled.
   *
   * @param name a name for the job
   * @param policyId the policy to evaluate against
   * @param input the rows or CSV file
   * @param options poll intervals and the overall timeout
   * @param listener hears each state change
   * @return the completed job
   */
  CompletableFuture<BatchJob> run(
      String name,
      String policyId,
      BatchInput input,
      PollOptions options,
      ProgressListener<BatchJob> listener);

  /**
   * Creates a job, uploads the input, starts the job and waits for it to complete; see {@link
   * BatchClient#run(String, String, BatchInput, PollOptions)}.
   *
   * @param name a name for the job
   * @param policyId the policy to evaluate against
   * @param input the rows or CSV file
   * @param options poll intervals and the overall timeout
   * @return the completed job
   */
  default CompletableFuture<BatchJob> run(
      String name, String policyId, BatchInput input, PollOptions options) {
    return run(name, policyId, input, options, ProgressListener.none());
  }

  /**
   * The same API requests, each completing with its value and the response's HTTP status and
   * headers; see {@link BatchClient#withRawResponse()}, which says why upload, results, awaiting
   * and {@code run} are not here. They run as the plain methods do: retries wait on a timer, and
   * cancelling a future cancels its request in flight.
   *
   * <pre>{@code
   * client.async().batch().withRawResponse().cancel(batchJobId)
   *     .thenAccept(r -> log.info("cancel sent, request id {}", r.requestId().orElse("?")));
   * }</pre>
   *
   * @return the raw view of this client
   */
  WithRawResponse withRawResponse();

  /**
   * The async batch API requests with their responses' status and headers: {@code
   * client.async().batch().withRawResponse()}. Each future fails as its {@link AsyncBatchClient}
   * namesake's does.
   */
  interface WithRawResponse {

    /**
     * Creates a batch job; see {@link BatchClient.WithRawResponse#create(String, String)}.
     *
     * @param name a name for the job
     * @param policyId the policy to evaluate against
     * @return the job's id and upload URL, with the response's status and headers
     */
    default CompletableFuture<ApiResponse<BatchJobCreated>> create(String name, String policyId) {
      try {
        return create(CreateBatchJobRequest.of(name, policyId));
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    /**
     * Creates a batch job; see {@link BatchClient.WithRawResponse#create(CreateBatchJobRequest)}.
     *
     * @param request the job to create
     * @return the job's id and upload URL, with the response's status and headers
     */
    CompletableFuture<ApiResponse<BatchJobCreated>> create(CreateBatchJobRequest request);

    /**
     * Starts a batch job; see {@link BatchClient.WithRawResponse#start}.
     *
     * @param batchJobId the job's id
     * @return a {@code null} value, with the response's status and headers
     */
    CompletableFuture<ApiResponse<Void>> start(String batchJobId);

    /**
     * Reads one batch job; see {@link BatchClient.WithRawResponse#get}.
     *
     * @param batchJobId the job's id
     * @return the job, with the response's status and headers
     */
    CompletableFuture<ApiResponse<BatchJob>> get(String batchJobId);

    /**
     * Lists batch jobs; see {@link BatchClient.WithRawResponse#list(ListBatchJobsRequest)}.
     *
     * @param request the filters
     * @return the matching jobs, with the response's status and headers
     */
    CompletableFuture<ApiResponse<List<BatchJob>>> list(ListBatchJobsRequest request);

    /**
     * Lists every batch job; see {@link BatchClient.WithRawResponse#list()}.
     *
     * @return all jobs, with the response's status and headers
     */
    default CompletableFuture<ApiResponse<List<BatchJob>>> list() {
      return list(ListBatchJobsRequest.builder().build());
    }

    /**
     * Cancels a batch job; see {@link BatchClient.WithRawResponse#cancel}.
     *
     * @param batchJobId the job's id
     * @return the job's state after the request, with the response's status and headers
     */
    CompletableFuture<ApiResponse<CancelledBatchJob>> cancel(String batchJobId);
  }
}
