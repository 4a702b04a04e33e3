package ai.clavata.sdk.internal.stream;

import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.errors.ClavataIoException;
import ai.clavata.sdk.errors.ClavataTimeoutException;
import ai.clavata.sdk.errors.StreamInterruptedException;
import ai.clavata.sdk.internal.Json;
import ai.clavata.sdk.internal.OneShotResults;
import ai.clavata.sdk.internal.Validation;
import ai.clavata.sdk.internal.http.CallSafety;
import ai.clavata.sdk.internal.http.IoErrors;
import ai.clavata.sdk.internal.http.Redactor;
import ai.clavata.sdk.internal.http.RetryPolicy;
import ai.clavata.sdk.internal.http.Transport;
import ai.clavata.sdk.internal.ndjson.NdjsonReader;
import ai.clavata.sdk.model.ApiResponse;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.EvaluationResult;
import ai.clavata.sdk.model.PolicyEvaluationReport;
import ai.clavata.sdk.stream.EvaluateAllOptions;
import ai.clavata.sdk.stream.EvaluateRequest;
import ai.clavata.sdk.stream.EvaluationStream;
import ai.clavata.sdk.stream.StreamClient;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The {@link StreamClient} that talks to {@code POST /v1/jobs/stream}. Streams run on a derived
 * OkHttp client without a call timeout (a stream may last as long as it keeps sending lines),
 * bounded instead by the read timeout between lines and, when the request sets one, by its {@code
 * totalTimeout}.
 */
public final class RealStreamClient implements StreamClient {
  private static final ObjectReader LINE_READER = Json.MAPPER.readerFor(StreamWire.Line.class);

  private final Transport transport;
  private final RetryPolicy retryPolicy;
  private final long maxLineBytes;
  private final OkHttpClient streamHttp;
  private final RawStream raw;

  /**
   * Creates the client.
   *
   * @param transport the API transport
   * @param retryPolicy also bounds and paces resubmissions
   * @param maxLineBytes the longest result line read
   */
  public RealStreamClient(Transport transport, RetryPolicy retryPolicy, long maxLineBytes) {
    this.transport = transport;
    this.retryPolicy = retryPolicy;
    this.maxLineBytes = maxLineBytes;
    this.streamHttp = transport.http().newBuilder().callTimeout(Duration.ZERO).build();
    this.raw = new RawStream(this);
  }

  @Override
  public EvaluationStream evaluate(EvaluateRequest request) {
    Objects.requireNonNull(request, "request must not be null");
    long started = transport.timing().nanoTime();
    return stream(request, open(request, started), started);
  }

  @Override
  public PolicyEvaluationReport evaluateOne(String policyId, ContentData content) {
    return report(evaluate(oneItem(policyId, content)));
  }

  @Override
  public WithRawResponse withRawResponse() {
    return raw;
  }

  /** {@link #evaluate}, with the opening response's status and headers. */
  ApiResponse<EvaluationStream> evaluateRaw(EvaluateRequest request) {
    Objects.requireNonNull(request, "request must not be null");
    long started = transport.timing().nanoTime();
    ResponseHolder holder = open(request, started);
    ApiResponse<Void> opened;
    try {
      opened = transport.rawResponse(null, holder.response());
    } catch (RuntimeException | Error e) {
      holder.run();
      throw e;
    }
    return opened.withValue(stream(request, holder, started));
  }

  /** Sends the opening request; an error status is thrown as its typed exception. */
  private ResponseHolder open(EvaluateRequest request, long started) {
    List<Integer> all = IntStream.range(0, request.contentData().size()).boxed().toList();
    Call call = newCall(request, all, started);
    StreamOutcome outcome =
        new StreamOutcome(
            transport.events().listener(),
            transport.timing(),
            request.contentData().size(),
            started);
    return new ResponseHolder(call, execute(call, request), outcome);
  }

  private EvaluationStream stream(EvaluateRequest request, ResponseHolder holder, long started) {
    return new LiveEvaluationStream(new StreamSession(this, request, holder, started), holder);
  }

  /** The request of an {@link #evaluateOne}, checked. */
  static EvaluateRequest oneItem(String policyId, ContentData content) {
    return EvaluateRequest.builder()
        .policyId(policyId)
        .addContent(Objects.requireNonNull(content, "content must not be null"))
        .build();
  }

  /** The one report of an {@link #evaluateOne}'s stream, which it closes. */
  static PolicyEvaluationReport report(EvaluationStream stream) {
    try (EvaluationStream results = stream) {
      Iterator<EvaluationResult> iterator = results.iterator();
      if (!iterator.hasNext()) {
        throw new ClavataDecodeException(
            "the result stream: it ended without a result for the item", 0, "", null);
      }
      return iterator.next().report();
    } catch (StreamInterruptedException e) {
      throw e.getCause();
    }
  }

  /**
   * A call that asks for the inputs at {@code indexes} of {@code request}, with what is left of the
   * request's total timeout, counted from {@code startedNanos}.
   */
  Call newCall(EvaluateRequest request, List<Integer> indexes, long startedNanos) {
    Request httpRequest =
        transport.jsonPost(
            transport.url("v1", "jobs", "stream").build(),
            StreamWire.body(request, indexes),
            CallSafety.NON_IDEMPOTENT);
    OkHttpClient http =
        request.idleTimeout() == null
            ? streamHttp
            : streamHttp.newBuilder().readTimeout(request.idleTimeout()).build();
    Call call = http.newCall(httpRequest);
    if (request.totalTimeout() != null && !request.totalTimeout().isZero()) {
      long left = request.totalTimeout().toNanos() - (transport.timing().nanoTime() - startedNanos);
      if (left <= 0) {
        throw new ClavataTimeoutException(
            "the stream did not finish within " + deadline(request), null);
      }
      call.timeout().timeout(left, TimeUnit.NANOSECONDS);
    }
    return call;
  }

  /** Executes a call; an error status before the first line is thrown as its typed exception. */
  Response execute(Call call, EvaluateRequest request) {
    return transport.open(call, deadline(request));
  }

  /** The reader of a stream's lines. */
  NdjsonReader<StreamWire.Line> reader(Response response) {
    return new NdjsonReader<>(response.body().source(), LINE_READER, maxLineBytes);
  }

  /** The exception for an I/O failure while reading a stream of {@code request}. */
  ClavataIoException ioError(String what, IOException failure, EvaluateRequest request) {
    return IoErrors.toException(what, failure, transport.redactor(), deadline(request));
  }

  Redactor redactor() {
    return transport.redactor();
  }

  int maxResubmissions() {
    return retryPolicy.maxRetries();
  }

  /** Waits before resubmission number {@code attempt} (0-based). */
  void backoff(int attempt) {
    pause(retryPolicy.backoff(attempt));
  }

  /** The retry backoff before resending after failure number {@code attempt} (0-based). */
  Duration backoffFor(int attempt) {
    return retryPolicy.backoff(attempt);
  }

  /** Waits on the transport's clock; an interrupt is a {@link ClavataIoException}. */
  void pause(Duration wait) {
    try {
      transport.timing().pause(wait);
    } catch (InterruptedIOException e) {
      throw new ClavataIoException("interrupted while waiting to resend unanswered inputs", e);
    }
  }

  @Override
  public EvaluationStream evaluateAll(
      String policyId, Iterable<? extends ContentData> items, EvaluateAllOptions options) {
    Validation.requirePolicyId(policyId);
    Objects.requireNonNull(items, "items must not be null");
    Objects.requireNonNull(options, "options must not be null");
    EvaluateAll run = new EvaluateAll(this, policyId, items.iterator(), options);
    return new AllResults(run.start(), run);
  }

  /** The results of an {@code evaluateAll}, released by stopping its run. */
  private static final class AllResults extends OneShotResults<EvaluationResult>
      implements EvaluationStream {
    AllResults(Iterator<EvaluationResult> results, Runnable stop) {
      super(results, stop, "the EvaluationStream of evaluateAll");
    }
  }

  private static String deadline(EvaluateRequest request) {
    return request.totalTimeout() == null
        ? "its deadline"
        : "its totalTimeout of "
            + request.totalTimeout()
            + "; raise EvaluateRequest.Builder.totalTimeout(...)";
  }
}
