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
import java.util.Objects;
import okhttp3.HttpUrl;

/** The {@link JobsClient} that talks to the API through a {@link Transport}. */
public final class RealJobsClient implements JobsClient {
  private final Transport transport;
  private final HttpUrl jobsUrl;

  /** Creates the client. */
  public RealJobsClient(Transport transport) {
    this.transport = transport;
    this.jobsUrl = transport.url("v1", "jobs").build();
  }

  @Override
  public Job create(CreateJobRequest request) {
    Objects.requireNonNull(request, "request must not be null");
    JobsWire.JobEnvelope envelope =
        transport.post(
            jobsUrl,
            JobsWire.createBody(request),
            CallSafety.NON_IDEMPOTENT,
            JobsWire.JobEnvelope.class);
    return requireJob(envelope, "POST /v1/jobs");
  }

  @Override
  public Job get(String jobUuid) {
    Validation.requireId("jobUuid", jobUuid);
    HttpUrl url = jobsUrl.newBuilder().addPathSegment(jobUuid).build();
    JobsWire.JobEnvelope envelope = transport.get(url, JobsWire.JobEnvelope.class);
    if (envelope == null || envelope.job() == null) {
      throw noJob("GET /v1/jobs/" + jobUuid);
    }
    return envelope.job();
  }

  @Override
  public Page<Job> list(ListJobsRequest request) {
    Objects.requireNonNull(request, "request must not be null");
    HttpUrl.Builder url = transport.url("v1", "jobs");
    JobsWire.addListQuery(url, request);
    JobsWire.JobList list = transport.get(url.build(), JobsWire.JobList.class);
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
    return new Poller(transport.timing(), options, transport.events().listener())
        .watch(
            "job",
            jobUuid,
            Job::status,
            Job::isTerminal,
            listener,
            job ->
                "job "
                    + jobUuid
                    + " is still "
                    + job.status()
                    + "; it goes on running: call awaitCompletion again or get(jobUuid) later");
  }

  private static Job requireJob(JobsWire.JobEnvelope envelope, String what) {
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
