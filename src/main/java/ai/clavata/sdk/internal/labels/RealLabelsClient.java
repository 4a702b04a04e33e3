package ai.clavata.sdk.internal.labels;

import ai.clavata.sdk.errors.ClavataApiException;
import ai.clavata.sdk.internal.http.CallSafety;
import ai.clavata.sdk.internal.http.Transport;
import ai.clavata.sdk.labels.EvaluateLabelsRequest;
import ai.clavata.sdk.labels.LabelEvaluation;
import ai.clavata.sdk.labels.LabelsClient;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * The {@link LabelsClient} that talks to the API through a {@link Transport}. Evaluations are sent
 * as {@link CallSafety#NON_IDEMPOTENT}: each label version creates a billable job.
 */
public final class RealLabelsClient implements LabelsClient {
  static final String EVALUATE = "POST /v1/labels/evaluate";

  private final Transport transport;
  private final HttpUrl evaluateUrl;
  private final RawLabels raw;

  /** Creates the client. */
  public RealLabelsClient(Transport transport) {
    this.transport = transport;
    this.evaluateUrl = transport.url("v1", "labels", "evaluate").build();
    this.raw = new RawLabels(this, transport);
  }

  @Override
  public LabelEvaluation evaluate(EvaluateLabelsRequest request) {
    byte[] body = body(request);
    LabelsWire.Response response;
    try {
      response =
          transport.post(evaluateUrl, body, CallSafety.NON_IDEMPOTENT, LabelsWire.Response.class);
    } catch (ClavataApiException e) {
      throw LabelFirst.explain(e);
    }
    return LabelsWire.evaluation(response, request);
  }

  @Override
  public WithRawResponse withRawResponse() {
    return raw;
  }

  /** The body of an evaluation, the request checked. */
  static byte[] body(EvaluateLabelsRequest request) {
    Objects.requireNonNull(request, "request must not be null");
    return LabelsWire.body(request);
  }

  /** The URL of {@code POST /v1/labels/evaluate}. */
  HttpUrl evaluateUrl() {
    return evaluateUrl;
  }
}
