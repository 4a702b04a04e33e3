package ai.clavata.sdk.internal.batch;

import ai.clavata.sdk.batch.BatchClient;
import ai.clavata.sdk.batch.BatchInput;
import ai.clavata.sdk.batch.BatchResults;
import ai.clavata.sdk.batch.CancelledBatchJob;
import ai.clavata.sdk.batch.CreateBatchJobRequest;
import ai.clavata.sdk.batch.ListBatchJobsRequest;
import ai.clavata.sdk.errors.ApiError;
import ai.clavata.sdk.errors.BadRequestException;
import ai.clavata.sdk.errors.BatchJobFailedException;
import ai.clavata.sdk.errors.ClavataApiException;
import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.errors.NotFoundException;
import ai.clavata.sdk.internal.Poller;
import ai.clavata.sdk.internal.Validation;
import ai.clavata.sdk.internal.http.CallSafety;
import ai.clavata.sdk.internal.http.RetryPolicy;
import ai.clavata.sdk.internal.http.Transport;
import ai.clavata.sdk.internal.json.WireWriter;
import ai.clavata.sdk.model.BatchJob;
import ai.clavata.sdk.model.BatchJobCreated;
import ai.clavata.sdk.model.BatchJobState;
import ai.clavata.sdk.model.PollOptions;
import ai.clavata.sdk.model.ProgressListener;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Response;

/** The {@link BatchClient} that talks to {@code /v1/batch-jobs} and the presigned storage URLs. */
public final class RealBatchClient implements BatchClient {
  private final Transport transport;
  private final Storage storage;
  private final RawBatch raw;

  /** Creates the client; {@code retryPolicy} also governs storage retries. */
  public RealBatchClient(Transport transport, RetryPolicy retryPolicy) {
    this.transport = transport;
    this.storage = new Storage(transport, retryPolicy);
    this.raw = new RawBatch(this, transport);
  }

  @Override
  public BatchJobCreated create(CreateBatchJobRequest request) {
    return checkCreated(
        transport.post(
            createUrl(), createBody(request), CallSafety.NON_IDEMPOTENT, BatchJobCreated.class));
  }

  @Override
  public WithRawResponse withRawResponse() {
    return raw;
  }

  /** The URL of {@code POST /v1/batch-jobs}. */
  HttpUrl createUrl() {
    return transport.url("v1", "batch-jobs").build();
  }

  /** The body of a create, the request checked. */
  static ObjectNode createBody(CreateBatchJobRequest request) {
    Objects.requireNonNull(request, "request must not be null");
    return BatchWire.createBody(request);
  }

  /** A create's answer, checked to be a created job: an error in it is thrown. */
  static BatchJobCreated checkCreated(BatchJobCreated created) {
    if (created.error() != null && created.error().isError()) {
      throw new BadRequestException(
          ApiError.of(
              200,
              null,
              "the batch job was not created: "
                  + created.error().errorCode()
                  + " "
                  + created.error().errorMessage()));
    }
    if (created.batchJobId() == null || created.inputFileUploadUrl() == null) {
      throw new ClavataDecodeException(
          "the response of POST /v1/batch-jobs: it lacks batchJobId or inputFileUploadUrl",
          0,
          String.valueOf(created),
          null);
    }
    return created;
  }

  @Override
  public long upload(BatchJobCreated created, BatchInput input) {
    Objects.requireNonNull(created, "created must not be null");
    try (Spooled spooled = spool(input)) {
      put(created, spooled.file());
      return spooled.rows();
    }
  }

  /**
   * The input as a file with a known length: the caller's CSV, checked, or the rows checked and
   * written to a temporary file, deleted when the result is closed.
   *
   * @throws IllegalArgumentException naming the first bad row
   */
  Spooled spool(BatchInput input) {
    Objects.requireNonNull(input, "input must not be null");
    if (input instanceof BatchInput.CsvFile csv) {
      return new Spooled(csv.file(), InputCsv.check(csv.file()), false);
    }
    Path spool = null;
    try {
      spool = Files.createTempFile("clavata-batch-", ".csv");
      return new Spooled(spool, InputCsv.write(((BatchInput.Rows) input).rows(), spool), true);
    } catch (IOException e) {
      deleteQuietly(spool);
      throw new UncheckedIOException("could not write the batch input to a temporary file", e);
    } catch (RuntimeException | Error e) {
      deleteQuietly(spool);
      throw e;
    }
  }

  /** PUTs a spooled input to the job's presigned upload URL. */
  void put(BatchJobCreated created, Path file) {
    Objects.requireNonNull(created, "created must not be null");
    storage.upload(created.inputFileUploadUrl(), file);
  }

  /**
   * A batch input ready to upload.
   *
   * @param file the CSV file
   * @param rows how many rows it holds
   * @param temporary whether the SDK wrote it, and deletes it on {@link #close}
   */
  record Spooled(Path file, long rows, boolean temporary) implements AutoCloseable {
    @Override
    public void close() {
      if (temporary) {
        deleteQuietly(file);
      }
    }
  }

  @Override
  public void start(String batchJobId) {
    transport.post(
        actionUrl(batchJobId, "start"), WireWriter.object(), CallSafety.NON_IDEMPOTENT, Void.class);
  }

  @Override
  public BatchJob get(String batchJobId) {
    return find(list(getRequest(batchJobId)), batchJobId);
  }

  /** The list request that reads one job, its id checked. */
  static ListBatchJobsRequest getRequest(String batchJobId) {
    Validation.requireId("batchJobId", batchJobId);
    return ListBatchJobsRequest.builder().batchJobIds(batchJobId).build();
  }

  /** The job of {@code jobs} with the id; a {@link NotFoundException} if there is none. */
  static BatchJob find(List<BatchJob> jobs, String batchJobId) {
    for (BatchJob job : jobs) {
      if (batchJobId.equals(job.batchJobId())) {
        return job;
      }
    }
    throw new NotFoundException(
        ApiError.of(404, null, "there is no batch job with id " + batchJobId));
  }

  @Override
  public List<BatchJob> list(ListBatchJobsRequest request) {
    return jobs(transport.get(listUrl(request), BatchWire.BatchJobList.class));
  }

  /** The URL of a list, the request checked. */
  HttpUrl listUrl(ListBatchJobsRequest request) {
    Objects.requireNonNull(request, "request must not be null");
    HttpUrl.Builder url = transport.url("v1", "batch-jobs");
    BatchWire.addListQuery(url, request);
    return url.build();
  }

  /** The jobs of a list response, checked to hold no null. */
  static List<BatchJob> jobs(BatchWire.BatchJobList list) {
    return List.copyOf(
        Transport.requireNoNulls(list.batchJobs(), "GET /v1/batch-jobs", "batchJobs"));
  }

  @Override
  public CancelledBatchJob cancel(String batchJobId) {
    return transport.post(
        actionUrl(batchJobId, "cancel"),
        WireWriter.object(),
        CallSafety.NON_IDEMPOTENT,
        CancelledBatchJob.class);
  }

  /** The URL of {@code POST /v1/batch-jobs/{id}/{action}}, the id checked. */
  HttpUrl actionUrl(String batchJobId, String action) {
    Validation.requireId("batchJobId", batchJobId);
    return transport.url("v1", "batch-jobs", batchJobId, action).build();
  }

  @Override
  public BatchJob awaitCompletion(
      String batchJobId, PollOptions options, ProgressListener<BatchJob> listener) {
    Poller.Watch<BatchJob> watch = watch(batchJobId, options, listener);
    return completed(Poller.until(() -> get(batchJobId), watch));
  }

  /** Checks the arguments of an awaitCompletion and starts watching the job. */
  Poller.Watch<BatchJob> watch(
      String batchJobId, PollOptions options, ProgressListener<BatchJob> listener) {
    Validation.requireId("batchJobId", batchJobId);
    Objects.requireNonNull(options, "options must not be null");
    return new Poller(transport.timing(), options, transport.events().listener())
        .watch(
            "batch job",
            batchJobId,
            BatchJob::state,
            BatchJob::isTerminal,
            listener,
            polled ->
                "batch job "
                    + batchJobId
                    + " is still "
                    + polled.state()
                    + "; it goes on running: call awaitCompletion again later");
  }

  /** A terminal job, if COMPLETED; a {@link BatchJobFailedException} otherwise. */
  static BatchJob completed(BatchJob job) {
    if (job.state() != BatchJobState.COMPLETED) {
      throw new BatchJobFailedException(job);
    }
    return job;
  }

  @Override
  public BatchResults results(BatchJob job) {
    Objects.requireNonNull(job, "job must not be null");
    if (job.outputFileUrl() == null) {
      throw new IllegalArgumentException(
          "batch job "
              + job.batchJobId()
              + " has no results file: it is "
              + job.state()
              + ", and results exist only once it is COMPLETED (use awaitCompletion first)");
    }
    Response response = storage.downloadOrNullIfRefused(job.outputFileUrl());
    if (response == null) {
      String fresh = get(job.batchJobId()).outputFileUrl(); // an expired URL: ask for a new one
      response = fresh == null ? null : storage.downloadOrNullIfRefused(fresh);
      if (response == null) {
        throw storage.expiredDownload(job.batchJobId());
      }
    }
    Response download = response;
    try {
      return new LiveBatchResults(
          new ResultsCsv(download.body().byteStream(), transport.redactor()), download);
    } catch (RuntimeException e) {
      download.close();
      throw e;
    }
  }

  @Override
  public BatchJob run(
      String name,
      String policyId,
      BatchInput input,
      PollOptions options,
      ProgressListener<BatchJob> listener) {
    CreateBatchJobRequest request = CreateBatchJobRequest.of(name, policyId);
    Objects.requireNonNull(input, "input must not be null");
    Objects.requireNonNull(options, "options must not be null");
    Objects.requireNonNull(listener, "listener must not be null");
    BatchJobCreated created = create(request);
    upload(created, input);
    startUnlessAutomatic(created.batchJobId());
    return awaitCompletion(created.batchJobId(), options, listener);
  }

  /**
   * {@link #start}, but a 404 or 501 is no error: that server has no start endpoint, and the job
   * starts by itself after the upload.
   */
  Void startUnlessAutomatic(String batchJobId) {
    try {
      start(batchJobId);
    } catch (ClavataApiException e) {
      if (e.httpStatus() != 404 && e.httpStatus() != 501) {
        throw e;
      }
    }
    return null;
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      file.toFile().deleteOnExit();
    }
  }
}
