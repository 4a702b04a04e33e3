package ai.clavata.sdk.stream.internal;

import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.errors.ClavataIoException;
import ai.clavata.sdk.errors.StreamInterruptedException;
import ai.clavata.sdk.internal.http.CallSafety;
import ai.clavata.sdk.internal.http.Redactor;
import ai.clavata.sdk.internal.http.RetryPolicy;
import ai.clavata.sdk.internal.http.Transport;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.EvaluationResult;
import ai.clavata.sdk.model.PolicyEvaluationReport;
import ai.clavata.sdk.stream.EvaluateRequest;
import ai.clavata.sdk.stream.EvaluationStream;
import ai.clavata.sdk.stream.StreamClient;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The {@link StreamClient} that talks to {@code POST /v1/jobs/stream}. Streams run on a derived
 * OkHttp client without a call timeout (a stream may last as long as it keeps sending lines),
 * bounded instead by the read timeout between lines.
 */
public final class RealStreamClient implements StreamClient {
  private final Transport transport;
  private final RetryPolicy retryPolicy;
  private final OkHttpClient streamHttp;

  /** Creates the client; {@code retryPolicy} also bounds and paces resubmissions. */
  public RealStreamClient(Transport transport, RetryPolicy retryPolicy) {
    this.transport = transport;
    this.retryPolicy = retryPolicy;
    this.streamHttp = transport.http().newBuilder().callTimeout(Duration.ZERO).build();
  }

  @Override
  public EvaluationStream evaluate(EvaluateRequest request) {
    Objects.requireNonNull(request, "request must not be null");
    List<Integer> all = IntStream.range(0, request.contentData().size()).boxed().toList();
    Call call = newCall(request, all);
    ResponseHolder holder = new ResponseHolder(call, execute(call));
    return EvaluationStream.of(new StreamSession(this, request, holder), holder);
  }

  @Override
  public PolicyEvaluationReport evaluateOne(String policyId, ContentData content) {
    EvaluateRequest request =
        EvaluateRequest.builder()
            .policyId(policyId)
            .addContent(Objects.requireNonNull(content, "content must not be null"))
            .build();
    try (EvaluationStream results = evaluate(request)) {
      Iterator<EvaluationResult> iterator = results.iterator();
      if (!iterator.hasNext()) {
        throw new ClavataDecodeException(
            "the result stream: it ended without a result for the item", 0, "", null);
      }
      PolicyEvaluationReport report = iterator.next().report();
      if (report == null) {
        throw new ClavataDecodeException(
            "the result stream: its result carries no policyEvaluationReport", 0, "", null);
      }
      return report;
    } catch (StreamInterruptedException e) {
      throw e.getCause();
    }
  }

  /** A call that asks for the inputs at {@code indexes} of {@code request}. */
  Call newCall(EvaluateRequest request, List<Integer> indexes) {
    Request httpRequest =
        transport.jsonPost(
            transport.url("v1", "jobs", "stream").build(),
            StreamWire.body(request, indexes),
            CallSafety.NON_IDEMPOTENT);
    OkHttpClient http =
        request.idleTimeout() == null
            ? streamHttp
            : streamHttp.newBuilder().readTimeout(request.idleTimeout()).build();
    return http.newCall(httpRequest);
  }

  /** Executes a call; an error status before the first line is thrown as its typed exception. */
  Response execute(Call call) {
    return transport.open(call);
  }

  Redactor redactor() {
    return transport.redactor();
  }

  int maxResubmissions() {
    return retryPolicy.maxRetries();
  }

  /** Waits before resubmission number {@code attempt} (0-based). */
  void backoff(int attempt) {
    try {
      transport.timing().sleep(retryPolicy.backoff(attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException cause = new InterruptedIOException("interrupted before resubmitting");
      cause.initCause(e);
      throw new ClavataIoException("interrupted while waiting to resubmit unanswered inputs", cause);
    }
  }
}
