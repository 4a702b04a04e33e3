package ai.clavata.sdk.internal.batch;

import ai.clavata.sdk.batch.CreateBatchJobRequest;
import ai.clavata.sdk.batch.ListBatchJobsRequest;
import ai.clavata.sdk.internal.json.WireWriter;
import ai.clavata.sdk.model.BatchJob;
import ai.clavata.sdk.model.BatchJobState;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import okhttp3.HttpUrl;

/** The batch endpoints' wire shapes. */
final class BatchWire {
  private BatchWire() {}

  /** {@code {"batchJobs": [...]}}: the answer of GetBatchJobs. */
  record BatchJobList(List<BatchJob> batchJobs) {
    BatchJobList {
      batchJobs = batchJobs == null ? List.of() : batchJobs;
    }
  }

  /** {@code {"name", "policyId", "webhookUrl"?}}. */
  static ObjectNode createBody(CreateBatchJobRequest request) {
    ObjectNode body =
        WireWriter.object().put("name", request.name()).put("policyId", request.policyId());
    if (request.webhookUrl() != null) {
      body.put("webhookUrl", request.webhookUrl());
    }
    return body;
  }

  /** Repeated {@code batchJobIds} and {@code states} keys, states by enum name. */
  static void addListQuery(HttpUrl.Builder url, ListBatchJobsRequest request) {
    for (String id : request.batchJobIds()) {
      url.addQueryParameter("batchJobIds", id);
    }
    for (BatchJobState state : request.states()) {
      url.addQueryParameter("states", state.wireName());
    }
  }
}
