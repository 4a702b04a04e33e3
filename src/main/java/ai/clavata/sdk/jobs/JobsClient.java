package ai.clavata.sdk.jobs;

import ai.clavata.sdk.model.ApiResponse;
import ai.clavata.sdk.model.Job;
import ai.clavata.sdk.model.PollOptions;
import ai.clavata.sdk.model.ProgressListener;
import java.time.Duration;

/**
 * Creates, reads and lists evaluation jobs: {@code client.jobs()}.
 *
 * <pre>{@code
 * Job job = client.jobs().create(CreateJobRequest.builder()
 *     .policyId(policyId)
 *     .addContent(ContentData.text("hello"))
 *     .waitForCompletion(true)
 *     .build());
 * System.out.println(job.reports().get(0).outcome());
 * }</pre>
 *
 * <p>An interface so that code using it can be tested with a mock. Implementations are thread-safe.
 * Every method throws a subclass of {@link ai.clavata.sdk.errors.ClavataException} on failure,
 * after any retries.
 */
public interface JobsClient {

  /**
   * Creates a job: {@code POST /v1/jobs}. With {@code waitForCompletion(true)} the call returns
   * when the job is evaluated; otherwise it returns the pending job, to be polled with {@link
   * #awaitCompletion} or delivered to a webhook.
   *
   * <p>A 500, 504 or read timeout is not retried by default: the job may have been created and
   * billed. Opt in with {@code ClavataClient.builder().retryNonIdempotent(true)}.
   *
   * @param request the job to create
   * @return the created job
   */
  Job create(CreateJobRequest request);

  /**
   * Reads a job: {@code GET /v1/jobs/{jobUuid}}.
   *
   * @param jobUuid the job's id
   * @return the job, with its results once it completed
   * @throws ai.clavata.sdk.errors.NotFoundException if there is no such job
   */
  Job get(String jobUuid);

  /**
   * Lists one page of jobs: {@code GET /v1/jobs}.
   *
   * <pre>{@code
   * Page<Job> page = client.jobs().list(ListJobsRequest.builder()
   *     .status(JobStatus.COMPLETED).pageSize(100).build());
   * while (true) {
   *   page.items().forEach(this::handle);
   *   if (!page.hasNextPage()) break;
   *   page = page.nextPage();
   * }
   * }</pre>
   *
   * @param request the filters and paging
   * @return the page
   */
  Page<Job> list(ListJobsRequest request);

  /**
   * Lists the first page of all jobs with the server's default page size.
   *
   * @return the page
   */
  default Page<Job> list() {
    return list(ListJobsRequest.builder().build());
  }

  /**
   * Every job matching the filters, fetched page by page as the iteration goes; one page is in
   * memory at a time. Each new iteration starts again from the first page.
   *
   * <pre>{@code
   * for (Job job : client.jobs().listAll(ListJobsRequest.builder().policyId(p).build())) { ... }
   * long failed = client.jobs().listAll(request).stream()
   *     .filter(j -> j.status() == JobStatus.FAILED).count();
   * }</pre>
   *
   * @param request the filters; its page token, if any, is where the iteration starts
   * @return a lazy iterable over all matching jobs
   */
  PagedIterable<Job> listAll(ListJobsRequest request);

  /**
   * Every job, fetched page by page as the iteration goes.
   *
   * @return a lazy iterable over all jobs
   */
  default PagedIterable<Job> listAll() {
    return listAll(ListJobsRequest.builder().build());
  }

  /**
   * Polls a job until it reaches a terminal status ({@code COMPLETED}, {@code FAILED} or {@code
   * CANCELED}), telling {@code listener} about each new status.
   *
   * @param jobUuid the job's id
   * @param options poll intervals and the overall timeout, such as {@link PollOptions#forJobs()}
   * @param listener hears each status change, in order, the first one seen included
   * @return the job in its terminal status; check {@link Job#status()} for failure
   * @throws ai.clavata.sdk.errors.ClavataTimeoutException if the job is still running at the
   *     timeout; the job itself goes on
   */
  Job awaitCompletion(String jobUuid, PollOptions options, ProgressListener<Job> listener);

  /**
   * Polls a job until it reaches a terminal status.
   *
   * @param jobUuid the job's id
   * @param options poll intervals and the overall timeout
   * @return the job in its terminal status; check {@link Job#status()} for failure
   */
  default Job awaitCompletion(String jobUuid, PollOptions options) {
    return awaitCompletion(jobUuid, options, ProgressListener.none());
  }

  /**
   * Polls a job until it reaches a terminal status, with the job defaults of {@link
   * PollOptions#forJobs()} (0.5 s, growing to every 5 s) and another overall timeout.
   *
   * @param jobUuid the job's id
   * @param timeout how long to wait in total
   * @return the job in its terminal status; check {@link Job#status()} for failure
   */
  default Job awaitCompletion(String jobUuid, Duration timeout) {
    return awaitCompletion(jobUuid, PollOptions.forJobs().withTimeout(timeout));
  }

  /**
   * The same requests, each returning its value with the response's HTTP status and headers, such
   * as the request id to quote to support. The plain methods skip building the headers; use this
   * view only where you need them.
   *
   * <pre>{@code
   * ApiResponse<Job> created = client.jobs().withRawResponse().create(request);
   * log.info("job {} created, request id {}",
   *     created.value().jobUuid(), created.requestId().orElse("none"));
   * }</pre>
   *
   * <p>Only the single-response methods are here: {@link #listAll} and {@link #awaitCompletion}
   * send many requests, so they have no one response to report.
   *
   * @return the raw view of this client; cheap to call, and shares everything with it
   */
  WithRawResponse withRawResponse();

  /**
   * The jobs requests with their responses' status and headers: {@code
   * client.jobs().withRawResponse()}. Each method sends what its {@link JobsClient} namesake sends,
   * retries as it does, and throws the same exceptions; its {@link ApiResponse#value()} equals what
   * the namesake returns.
   */
  interface WithRawResponse {

    /**
     * Creates a job; see {@link JobsClient#create}.
     *
     * @param request the job to create
     * @return the created job, with the response's status and headers
     */
    ApiResponse<Job> create(CreateJobRequest request);

    /**
     * Reads a job; see {@link JobsClient#get}.
     *
     * @param jobUuid the job's id
     * @return the job, with the response's status and headers
     */
    ApiResponse<Job> get(String jobUuid);

    /**
     * Lists one page of jobs; see {@link JobsClient#list(ListJobsRequest)}. The page's {@code
     * nextPage()} returns a plain page: call {@code list(request.withPageToken(token))} here for
     * the next page's headers.
     *
     * @param request the filters and paging
     * @return the page, with the response's status and headers
     */
    ApiResponse<Page<Job>> list(ListJobsRequest request);

    /**
     * Lists the first page of all jobs; see {@link JobsClient#list()}.
     *
     * @return the page, with the response's status and headers
     */
    default ApiResponse<Page<Job>> list() {
      return list(ListJobsRequest.builder().build());
    }
  }
}
