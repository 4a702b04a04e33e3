package ai.clavata.sdk.internal.stream;

import ai.clavata.sdk.model.ApiResponse;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.PolicyEvaluationReport;
import ai.clavata.sdk.stream.EvaluateRequest;
import ai.clavata.sdk.stream.EvaluationStream;
import ai.clavata.sdk.stream.StreamClient;

/**
 * {@link StreamClient#withRawResponse()}: the streams of {@link RealStreamClient}, with the status
 * and headers of the response that opened them.
 */
final class RawStream implements StreamClient.WithRawResponse {
  private final RealStreamClient stream;

  RawStream(RealStreamClient stream) {
    this.stream = stream;
  }

  @Override
  public ApiResponse<EvaluationStream> evaluate(EvaluateRequest request) {
    return stream.evaluateRaw(request);
  }

  @Override
  public ApiResponse<PolicyEvaluationReport> evaluateOne(String policyId, ContentData content) {
    ApiResponse<EvaluationStream> opened =
        stream.evaluateRaw(RealStreamClient.oneItem(policyId, content));
    return opened.withValue(RealStreamClient.report(opened.value()));
  }
}
