package ai.clavata.sdk.internal.jobs;

import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.internal.Poller;
import ai.clavata.sdk.internal.Validation;
import ai.clavata.sdk.internal.http.CallSafety;
import ai.clavata.sdk.internal.http.Transport;
import ai.clavata.sdk.jobs.CreateJobRequest;
import ai.clavata.sdk.jobs.JobsClient;
import ai.clavata.sdk.jobs.ListJobsRequest;
import ai.clavata.sdk.jobs.Page;
import ai.clavata.sdk.jobs.PagedIterable;
import ai.clavata.sdk.model.Job;
import ai.clavata.sdk.model.PollOptions;
import ai.clavata.sdk.model.ProgressListener;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;

/** The {@link JobsClient} that talks to the API through a {@link Transport}. */
public final class RealJobsClient implements JobsClient {
  static final String CREATE = "POST /v1/jobs";
  static final String GET = "GET /v1/jobs/";

  private final Transport transport;
  private final HttpUrl jobsUrl;
  private final RawJobs raw;

  /** Creates the client. */
  public RealJobsClient(Transport transport) {
    this.transport = transport;
    this.jobsUrl = transport.url("v1", "jobs").build();
    this.raw = new RawJobs(this, transport);
  }

  @Override
  public Job create(CreateJobRequest request) {
    long started = now();
    return finished(request, createOnce(request), started);
  }

  /** One {@code POST /v1/jobs}: the job as the server answered it. */
  Job createOnce(CreateJobRequest request) {
    JobsWire.JobEnvelope envelope =
        transport.post(
            jobsUrl, createBody(request), CallSafety.NON_IDEMPOTENT, JobsWire.JobEnvelope.class);
    return requireJob(envelope, CREATE);
  }

  /** The transport's clock, now: where a create's time budget starts. */
  long now() {
    return transport.timing().nanoTime();
  }

  /**
   * The created job, finished if the request asked to wait. {@code waitForCompletion} is INTERNAL
   * in the proto and absent from the current OpenAPI document, so a gateway may answer PENDING
   * anyway; the job is then polled, within what is left of the call's timeout, instead of being
   * handed back with no reports.
   */
  Job finished(CreateJobRequest request, Job job, long startedNanos) {
    Poller.Watch<Job> watch = completionWatch(request, job, startedNanos);
    return watch == null ? job : Poller.untilAfter(job, () -> get(job.jobUuid()), watch);
  }

  /**
   * The watch of a created job that should have finished but has not, or {@code null} when there is
   * nothing to wait for. Its timeout is what is left of the call timeout (or {@link
   * PollOptions#forJobs()}'s without one).
   */
  Poller.Watch<Job> completionWatch(CreateJobRequest request, Job job, long startedNanos) {
    if (!request.waitForCompletion() || job.isTerminal() || job.jobUuid() == null) {
      return null;
    }
    long callTimeout = transport.http().callTimeoutMillis();
    Duration budget =
        callTimeout == 0
            ? PollOptions.forJobs().timeout()
            : Duration.ofMillis(callTimeout).minusNanos(now() - startedNanos);
    if (budget.compareTo(Duration.ofMillis(1)) < 0) {
      budget = Duration.ofMillis(1);
    }
    return jobWatch(
        job.jobUuid(),
        PollOptions.forJobs().withTimeout(budget),
        ProgressListener.none(),
        ": the server answered the create before the job finished, although waitForCompletion"
            + " was set; it goes on running: call awaitCompletion(jobUuid, ...) to wait longer");
  }

  @Override
  public Job get(String jobUuid) {
    return requireJob(transport.get(jobUrl(jobUuid), JobsWire.JobEnvelope.class), GET + jobUuid);
  }

  @Override
  public Page<Job> list(ListJobsRequest request) {
    return page(transport.get(listUrl(request), JobsWire.JobList.class), request);
  }

  @Override
  public WithRawResponse withRawResponse() {
    return raw;
  }

  /** The raw view, with its package-private steps. */
  RawJobs raw() {
    return raw;
  }

  /** The body of a create, the request checked. */
  static byte[] createBody(CreateJobRequest request) {
    Objects.requireNonNull(request, "request must not be null");
    return JobsWire.createBody(request);
  }

  /** The URL of {@code POST /v1/jobs}. */
  HttpUrl jobsUrl() {
    return jobsUrl;
  }

  /** The URL of one job, its id checked. */
  HttpUrl jobUrl(String jobUuid) {
    Validation.requireId("jobUuid", jobUuid);
    return jobsUrl.newBuilder().addPathSegment(jobUuid).build();
  }

  /** The URL of a list, the request checked. */
  HttpUrl listUrl(ListJobsRequest request) {
    Objects.requireNonNull(request, "request must not be null");
    HttpUrl.Builder url = transport.url("v1", "jobs");
    JobsWire.addListQuery(url, request);
    return url.build();
  }

  /** The page of a list response; its next page is fetched by the plain {@link #list}. */
  Page<Job> page(JobsWire.JobList list, ListJobsRequest request) {
    return Page.of(
        Transport.requireNoNulls(list.jobs(), "GET /v1/jobs", "jobs"),
        list.nextPageToken(),
        token -> list(request.withPageToken(token)));
  }

  @Override
  public PagedIterable<Job> listAll(ListJobsRequest request) {
    Objects.requireNonNull(request, "request must not be null");
    return PagedIterable.of(() -> list(request));
  }

  @Override
  public Job awaitCompletion(String jobUuid, PollOptions options, ProgressListener<Job> listener) {
    Poller.Watch<Job> watch = watch(jobUuid, options, listener);
    return Poller.until(() -> get(jobUuid), watch);
  }

  /** Checks the arguments of an awaitCompletion and starts watching the job. */
  Poller.Watch<Job> watch(String jobUuid, PollOptions options, ProgressListener<Job> listener) {
    Validation.requireId("jobUuid", jobUuid);
    Objects.requireNonNull(options, "options must not be null");
    return jobWatch(
        jobUuid,
        options,
        listener,
        "; it goes on running: call awaitCompletion again or get(jobUuid) later");
  }

  /** A watch of one job, whose timeout says the job is still at its status, then {@code advice}. */
  private Poller.Watch<Job> jobWatch(
      String jobUuid, PollOptions options, ProgressListener<Job> listener, String advice) {
    return new Poller(transport.timing(), options, transport.events().listener())
        .watch(
            "job",
            jobUuid,
            Job::status,
            Job::isTerminal,
            listener,
            job -> "job " + jobUuid + " is still " + job.status() + advice);
  }

  /** The job of an envelope; a decode error naming {@code what} if there is none. */
  static Job requireJob(JobsWire.JobEnvelope envelope, String what) {
    if (envelope == null || envelope.job() == null) {
      throw noJob(what);
    }
    return envelope.job();
  }

  private static ClavataDecodeException noJob(String what) {
    return new ClavataDecodeException(
        "the response of " + what + ": it has no \"job\" object", 0, "", null);
  }
}
