package ai.clavata.sdk.internal.batch;

import ai.clavata.sdk.batch.BatchClient;
import ai.clavata.sdk.batch.CancelledBatchJob;
import ai.clavata.sdk.batch.CreateBatchJobRequest;
import ai.clavata.sdk.batch.ListBatchJobsRequest;
import ai.clavata.sdk.internal.http.CallSafety;
import ai.clavata.sdk.internal.http.Transport;
import ai.clavata.sdk.internal.json.WireWriter;
import ai.clavata.sdk.model.ApiResponse;
import ai.clavata.sdk.model.BatchJob;
import ai.clavata.sdk.model.BatchJobCreated;
import java.util.List;

/**
 * {@link BatchClient#withRawResponse()}: the API requests of {@link RealBatchClient}, sent through
 * the transport's raw calls, which keep the status and headers; each value is made and checked as
 * the plain method does it.
 */
final class RawBatch implements BatchClient.WithRawResponse {
  private final RealBatchClient batch;
  private final Transport transport;

  RawBatch(RealBatchClient batch, Transport transport) {
    this.batch = batch;
    this.transport = transport;
  }

  @Override
  public ApiResponse<BatchJobCreated> create(CreateBatchJobRequest request) {
    ApiResponse<BatchJobCreated> response =
        transport.postRaw(
            batch.createUrl(),
            RealBatchClient.createBody(request),
            CallSafety.NON_IDEMPOTENT,
            BatchJobCreated.class);
    RealBatchClient.checkCreated(response.value());
    return response;
  }

  @Override
  public ApiResponse<Void> start(String batchJobId) {
    return transport.postRaw(
        batch.actionUrl(batchJobId, "start"),
        WireWriter.object(),
        CallSafety.NON_IDEMPOTENT,
        Void.class);
  }

  @Override
  public ApiResponse<BatchJob> get(String batchJobId) {
    ApiResponse<List<BatchJob>> response = list(RealBatchClient.getRequest(batchJobId));
    return response.withValue(RealBatchClient.find(response.value(), batchJobId));
  }

  @Override
  public ApiResponse<List<BatchJob>> list(ListBatchJobsRequest request) {
    ApiResponse<BatchWire.BatchJobList> response =
        transport.getRaw(batch.listUrl(request), BatchWire.BatchJobList.class);
    return response.withValue(RealBatchClient.jobs(response.value()));
  }

  @Override
  public ApiResponse<CancelledBatchJob> cancel(String batchJobId) {
    return transport.postRaw(
        batch.actionUrl(batchJobId, "cancel"),
        WireWriter.object(),
        CallSafety.NON_IDEMPOTENT,
        CancelledBatchJob.class);
  }
}
