package ai.clavata.sdk.internal.batch;

import ai.clavata.sdk.batch.AsyncBatchClient;
import ai.clavata.sdk.batch.BatchClient;
import ai.clavata.sdk.batch.CancelledBatchJob;
import ai.clavata.sdk.batch.CreateBatchJobRequest;
import ai.clavata.sdk.batch.ListBatchJobsRequest;
import ai.clavata.sdk.internal.Async;
import ai.clavata.sdk.model.ApiResponse;
import ai.clavata.sdk.model.BatchJob;
import ai.clavata.sdk.model.BatchJobCreated;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@link AsyncBatchClient#withRawResponse()}: each request of {@link RawBatch} run as an {@link
 * Async#call}, so that retries wait on the timer and a cancel reaches the request in flight.
 */
final class AsyncRawBatch implements AsyncBatchClient.WithRawResponse {
  private final BatchClient.WithRawResponse raw;
  private final Async async;

  AsyncRawBatch(BatchClient.WithRawResponse raw, Async async) {
    this.raw = raw;
    this.async = async;
  }

  @Override
  public CompletableFuture<ApiResponse<BatchJobCreated>> create(CreateBatchJobRequest request) {
    return async.call(() -> raw.create(request));
  }

  @Override
  public CompletableFuture<ApiResponse<Void>> start(String batchJobId) {
    return async.call(() -> raw.start(batchJobId));
  }

  @Override
  public CompletableFuture<ApiResponse<BatchJob>> get(String batchJobId) {
    return async.call(() -> raw.get(batchJobId));
  }

  @Override
  public CompletableFuture<ApiResponse<List<BatchJob>>> list(ListBatchJobsRequest request) {
    return async.call(() -> raw.list(request));
  }

  @Override
  public CompletableFuture<ApiResponse<CancelledBatchJob>> cancel(String batchJobId) {
    return async.call(() -> raw.cancel(batchJobId));
  }
}
