package ai.clavata.sdk.internal.labels;

import ai.clavata.sdk.errors.ClavataApiException;
import ai.clavata.sdk.internal.http.CallSafety;
import ai.clavata.sdk.internal.http.Transport;
import ai.clavata.sdk.labels.EvaluateLabelsRequest;
import ai.clavata.sdk.labels.LabelEvaluation;
import ai.clavata.sdk.labels.LabelsClient;
import ai.clavata.sdk.model.ApiResponse;

/**
 * {@link LabelsClient#withRawResponse()}: the request of {@link RealLabelsClient}, sent through the
 * transport's raw call, which keeps the status and headers; the value is made as the plain method
 * makes it, and errors get the same label-first hint.
 */
final class RawLabels implements LabelsClient.WithRawResponse {
  private final RealLabelsClient labels;
  private final Transport transport;

  RawLabels(RealLabelsClient labels, Transport transport) {
    this.labels = labels;
    this.transport = transport;
  }

  @Override
  public ApiResponse<LabelEvaluation> evaluate(EvaluateLabelsRequest request) {
    byte[] body = RealLabelsClient.body(request);
    ApiResponse<LabelsWire.Response> response;
    try {
      response =
          transport.postRaw(
              labels.evaluateUrl(), body, CallSafety.NON_IDEMPOTENT, LabelsWire.Response.class);
    } catch (ClavataApiException e) {
      throw LabelFirst.explain(e);
    }
    return response.withValue(LabelsWire.evaluation(response.value(), request));
  }
}
