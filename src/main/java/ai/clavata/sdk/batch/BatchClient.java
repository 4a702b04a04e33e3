package ai.clavata.sdk.batch;

import ai.clavata.sdk.model.ApiResponse;
import ai.clavata.sdk.model.BatchJob;
import ai.clavata.sdk.model.BatchJobCreated;
import ai.clavata.sdk.model.PollOptions;
import ai.clavata.sdk.model.ProgressListener;
import java.time.Duration;
import java.util.List;

/**
 * Bulk evaluation of large backlogs: {@code client.batch()}. A batch runs in four steps (create,
 * upload a CSV to a presigned URL, start, poll) and then its results file is downloaded; {@link
 * #run} does all of it.
 *
 * <pre>{@code
 * BatchJob done = client.batch().run("nightly", policyId, BatchInput.of(rows), PollOptions.forBatchJobs());
 * try (BatchResults results = client.batch().results(done)) {
 *   for (BatchResultRow row : results) store(row.refId(), row.labels(), row.error());
 * }
 * }</pre>
 *
 * <p>Uploads and downloads go to presigned storage URLs and never carry the API key. Every step
 * streams, so millions of rows need no more memory than a few.
 */
public interface BatchClient {

  /**
   * Creates a batch job: {@code POST /v1/batch-jobs}.
   *
   * @param name a name for the job
   * @param policyId the policy to evaluate against
   * @return the job's id and its upload URL (valid about 4 hours)
   */
  default BatchJobCreated create(String name, String policyId) {
    return create(CreateBatchJobRequest.of(name, policyId));
  }

  /**
   * Creates a batch job, optionally with a webhook.
   *
   * @param request the job to create
   * @return the job's id and its upload URL (valid about 4 hours)
   */
  BatchJobCreated create(CreateBatchJobRequest request);

  /**
   * Uploads the input: checks every row (unique, non-blank ref ids, known types; the first bad row
   * is named), writes generated rows to a temporary CSV file so that the upload has a known length
   * (object stores refuse chunked uploads), and PUTs it to the presigned URL without the API key.
   * Transient storage failures are retried; the file makes the body repeatable.
   *
   * @param created the job to upload to
   * @param input the rows or CSV file
   * @return how many rows were uploaded
   * @throws IllegalArgumentException if a row is invalid; nothing is uploaded then
   * @throws ai.clavata.sdk.errors.ClavataApiException if storage refuses the upload; a 400 or 403
   *     usually means the URL expired and a new job is needed
   */
  long upload(BatchJobCreated created, BatchInput input);

  /**
   * Starts a batch job: {@code POST /v1/batch-jobs/{id}/start}. The original API documentation has
   * this step; the newer documentation says a job starts by itself once its input is uploaded. Call
   * it after {@link #upload}; {@link #run} does, and ignores a 404 or 501 from a server without the
   * endpoint.
   *
   * @param batchJobId the job's id
   */
  void start(String batchJobId);

  /**
   * Reads one batch job (a list filtered by its id).
   *
   * @param batchJobId the job's id
   * @return the job
   * @throws ai.clavata.sdk.errors.NotFoundException if there is no such job
   */
  BatchJob get(String batchJobId);

  /**
   * Lists batch jobs: {@code GET /v1/batch-jobs}.
   *
   * @param request the filters
   * @return the matching jobs
   */
  List<BatchJob> list(ListBatchJobsRequest request);

  /**
   * Lists every batch job.
   *
   * @return all jobs
   */
  default List<BatchJob> list() {
    return list(ListBatchJobsRequest.builder().build());
  }

  /**
   * Cancels a batch job: {@code POST /v1/batch-jobs/{id}/cancel}.
   *
   * @param batchJobId the job's id
   * @return the job's state after the request
   */
  CancelledBatchJob cancel(String batchJobId);

  /**
   * Polls a job until it completes, telling {@code listener} about each new state.
   *
   * @param batchJobId the job's id
   * @param options poll intervals and the overall timeout, such as {@link
   *     PollOptions#forBatchJobs()}
   * @param listener hears each state change, in order, the first one seen included
   * @return the completed job, with its {@code outputFileUrl}
   * @throws ai.clavata.sdk.errors.BatchJobFailedException if the job ends in ERROR or CANCELLED
   * @throws ai.clavata.sdk.errors.ClavataTimeoutException if the timeout passes first; the job
   *     itself is not cancelled
   */
  BatchJob awaitCompletion(
      String batchJobId, PollOptions options, ProgressListener<BatchJob> listener);

  /**
   * Polls a job until it completes.
   *
   * @param batchJobId the job's id
   * @param options poll intervals and the overall timeout
   * @return the completed job
   */
  default BatchJob awaitCompletion(String batchJobId, PollOptions options) {
    return awaitCompletion(batchJobId, options, ProgressListener.none());
  }

  /**
   * Polls a job until it completes, with the batch defaults of {@link PollOptions#forBatchJobs()}
   * (5 s, doubling to once a minute) and another overall timeout.
   *
   * @param batchJobId the job's id
   * @param timeout how long to wait in total
   * @return the completed job
   */
  default BatchJob awaitCompletion(String batchJobId, Duration timeout) {
    return awaitCompletion(batchJobId, PollOptions.forBatchJobs().withTimeout(timeout));
  }

  /**
   * Downloads a completed job's results file and parses it lazily, row by row. If the file's URL
   * expired (they are valid about 4 hours), the job is read again for a fresh one.
   *
   * @param job a job in state COMPLETED
   * @return the rows; close them when done
   * @throws IllegalArgumentException if the job has no results file yet
   */
  BatchResults results(BatchJob job);

  /**
   * Creates a job, uploads the input, starts the job and waits for it to complete.
   *
   * @param name a name for the job
   * @param policyId the policy to evaluate against
   * @param input the rows or CSV file
   * @param options poll intervals and the overall timeout
   * @param listener hears each state change
   * @return the completed job; read its rows with {@link #results}
   */
  BatchJob run(
      String name,
      String policyId,
      BatchInput input,
      PollOptions options,
      ProgressListener<BatchJob> listener);

  /**
   * Creates a job, uploads the input, starts the job and waits for it to complete.
   *
   * @param name a name for the job
   * @param policyId the policy to evaluate against
   * @param input the rows or CSV file
   * @param options poll intervals and the overall timeout
   * @return the completed job; read its rows with {@link #results}
   */
  default BatchJob run(String name, String policyId, BatchInput input, PollOptions options) {
    return run(name, policyId, input, options, ProgressListener.none());
  }

  /**
   * The same API requests, each returning its value with the response's HTTP status and headers,
   * such as the request id to quote to support. The plain methods skip building the headers; use
   * this view only where you need them.
   *
   * <pre>{@code
   * ApiResponse<BatchJobCreated> created = client.batch().withRawResponse().create("nightly", policyId);
   * log.info("batch {} created, request id {}",
   *     created.value().batchJobId(), created.requestId().orElse("none"));
   * }</pre>
   *
   * <p>Only the requests to the API are here: {@link #upload} and {@link #results} talk to
   * presigned storage URLs, whose responses come from the object store and carry no Clavata request
   * id, and {@link #awaitCompletion} and {@link #run} send many requests, with no one response to
   * report.
   *
   * @return the raw view of this client; cheap to call, and shares everything with it
   */
  WithRawResponse withRawResponse();

  /**
   * The batch API requests with their responses' status and headers: {@code
   * client.batch().withRawResponse()}. Each method sends what its {@link BatchClient} namesake
   * sends, retries as it does, and throws the same exceptions; its {@link ApiResponse#value()}
   * equals what the namesake returns.
   */
  interface WithRawResponse {

    /**
     * Creates a batch job; see {@link BatchClient#create(String, String)}.
     *
     * @param name a name for the job
     * @param policyId the policy to evaluate against
     * @return the job's id and upload URL, with the response's status and headers
     */
    default ApiResponse<BatchJobCreated> create(String name, String policyId) {
      return create(CreateBatchJobRequest.of(name, policyId));
    }

    /**
     * Creates a batch job; see {@link BatchClient#create(CreateBatchJobRequest)}.
     *
     * @param request the job to create
     * @return the job's id and upload URL, with the response's status and headers
     */
    ApiResponse<BatchJobCreated> create(CreateBatchJobRequest request);

    /**
     * Starts a batch job; see {@link BatchClient#start}.
     *
     * @param batchJobId the job's id
     * @return a {@code null} value, with the response's status and headers
     */
    ApiResponse<Void> start(String batchJobId);

    /**
     * Reads one batch job; see {@link BatchClient#get}. The status and headers are those of the
     * list request it sends.
     *
     * @param batchJobId the job's id
     * @return the job, with the response's status and headers
     */
    ApiResponse<BatchJob> get(String batchJobId);

    /**
     * Lists batch jobs; see {@link BatchClient#list(ListBatchJobsRequest)}.
     *
     * @param request the filters
     * @return the matching jobs, with the response's status and headers
     */
    ApiResponse<List<BatchJob>> list(ListBatchJobsRequest request);

    /**
     * Lists every batch job; see {@link BatchClient#list()}.
     *
     * @return all jobs, with the response's status and headers
     */
    default ApiResponse<List<BatchJob>> list() {
      return list(ListBatchJobsRequest.builder().build());
    }

    /**
     * Cancels a batch job; see {@link BatchClient#cancel}.
     *
     * @param batchJobId the job's id
     * @return the job's state after the request, with the response's status and headers
     */
    ApiResponse<CancelledBatchJob> cancel(String batchJobId);
  }
}
