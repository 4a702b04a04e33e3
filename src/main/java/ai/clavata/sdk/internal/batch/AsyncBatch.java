package ai.clavata.sdk.internal.batch;

import ai.clavata.sdk.batch.AsyncBatchClient;
import ai.clavata.sdk.batch.BatchInput;
import ai.clavata.sdk.batch.BatchResults;
import ai.clavata.sdk.batch.CancelledBatchJob;
import ai.clavata.sdk.batch.CreateBatchJobRequest;
import ai.clavata.sdk.batch.ListBatchJobsRequest;
import ai.clavata.sdk.internal.Async;
import ai.clavata.sdk.model.BatchJob;
import ai.clavata.sdk.model.BatchJobCreated;
import ai.clavata.sdk.model.PollOptions;
import ai.clavata.sdk.model.ProgressListener;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link AsyncBatchClient}: each request of the blocking {@link RealBatchClient} run as an
 * {@link Async#call}, writing the upload file as {@link Async#work}, and {@code run} composed of
 * those steps, so that its waits are timed, not slept, and a cancel stops the step under way.
 */
public final class AsyncBatch implements AsyncBatchClient {
  private final RealBatchClient batch;
  private final Async async;
  private final AsyncRawBatch raw;

  /** Runs {@code batch} asynchronously. */
  public AsyncBatch(RealBatchClient batch, Async async) {
    this.batch = batch;
    this.async = async;
    this.raw = new AsyncRawBatch(batch.withRawResponse(), async);
  }

  @Override
  public CompletableFuture<BatchJobCreated> create(CreateBatchJobRequest request) {
    return async.call(() -> batch.create(request));
  }

  @Override
  public CompletableFuture<Long> upload(BatchJobCreated created, BatchInput input) {
    if (created == null) {
      return CompletableFuture.failedFuture(new NullPointerException("created must not be null"));
    }
    return Async.then(
        async.work(() -> batch.spool(input)),
        spooled -> {
          CompletableFuture<Long> put =
              async.call(
                  () -> {
                    batch.put(created, spooled.file());
                    return spooled.rows();
                  });
          put.whenComplete((rows, error) -> spooled.close());
          return put;
        });
  }

  @Override
  public CompletableFuture<Void> start(String batchJobId) {
    return async.call(
        () -> {
          batch.start(batchJobId);
          return null;
        });
  }

  @Override
  public CompletableFuture<BatchJob> get(String batchJobId) {
    return async.call(() -> batch.get(batchJobId));
  }

  @Override
  public CompletableFuture<List<BatchJob>> list(ListBatchJobsRequest request) {
    return async.call(() -> batch.list(request));
  }

  @Override
  public CompletableFuture<CancelledBatchJob> cancel(String batchJobId) {
    return async.call(() -> batch.cancel(batchJobId));
  }

  @Override
  public CompletableFuture<BatchJob> awaitCompletion(
      String batchJobId, PollOptions options, ProgressListener<BatchJob> listener) {
    return Async.map(
        async.poll(() -> batch.watch(batchJobId, options, listener), () -> get(batchJobId)),
        RealBatchClient::completed);
  }

  @Override
  public CompletableFuture<BatchResults> results(BatchJob job) {
    return async.call(() -> batch.results(job));
  }

  @Override
  public CompletableFuture<BatchJob> run(
      String name,
      String policyId,
      BatchInput input,
      PollOptions options,
      ProgressListener<BatchJob> listener) {
    CreateBatchJobRequest request;
    try {
      request = CreateBatchJobRequest.of(name, policyId);
      Objects.requireNonNull(input, "input must not be null");
      Objects.requireNonNull(options, "options must not be null");
      Objects.requireNonNull(listener, "listener must not be null");
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<BatchJobCreated> created = create(request);
    CompletableFuture<BatchJobCreated> uploaded =
        Async.then(created, job -> Async.map(upload(job, input), rows -> job));
    CompletableFuture<String> started =
        Async.then(
            uploaded,
            job ->
                Async.map(
                    async.call(() -> batch.startUnlessAutomatic(job.batchJobId())),
                    ignored -> job.batchJobId()));
    return Async.then(started, id -> awaitCompletion(id, options, listener));
  }

  @Override
  public WithRawResponse withRawResponse() {
    return raw;
  }
}
