package ai.clavata.flink;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.errors.AuthenticationException;
import ai.clavata.sdk.errors.ClavataException;
import ai.clavata.sdk.errors.NotFoundException;
import ai.clavata.sdk.errors.PermissionDeniedException;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.PolicyEvaluationReport;
import ai.clavata.sdk.stream.EvaluateRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Evaluates each stream element against a Clavata policy without blocking the task: one {@link
 * ClavataClient} per parallel task, opened in {@link #open(OpenContext)} and closed in {@link
 * #close()}, and calls through its async client.
 *
 * <pre>{@code
 * ClavataAsyncFunction<String, Verdict<String>> moderate =
 *     ClavataAsyncFunction.<String>verdicts(ClavataConfig.apiKey(key), "policy-uuid", ContentData::text)
 *         .build();
 * DataStream<Verdict<String>> verdicts =
 *     AsyncDataStream.unorderedWait(posts, moderate, 2, TimeUnit.MINUTES, 100);
 * }</pre>
 *
 * <p><b>Failures.</b> An element fails when {@link ToContent} throws, the request is invalid, the
 * API answers with an error the SDK does not retry (a refusal) or that is still there when the
 * retries are spent (429, 503), or Flink's timeout passes. The builder chooses what follows:
 *
 * <ul>
 *   <li>{@link Builder#failJobOnError()} (the default of {@link #builder}): the element's {@code
 *       ResultFuture} completes exceptionally and the job fails, or restarts under its restart
 *       strategy.
 *   <li>{@link Builder#onFailure(FailureMapper)}: the element becomes a failure record of type
 *       {@code OUT}, such as {@link Verdict#failed}, and the job goes on ({@link #verdicts} does
 *       this). Async functions have no side outputs, so the failure travels in the result type;
 *       route it downstream.
 * </ul>
 *
 * An {@link AuthenticationException}, {@link PermissionDeniedException} or {@link
 * NotFoundException} (a wrong key, a key without access, an unknown policy) fails the job either
 * way: every other element would fail the same. What a mapper throws fails the job too. The API key
 * never appears in a message: the SDK redacts it.
 *
 * <p><b>One call per element, or batches.</b> An async function is invoked per element, so by
 * default each element is one {@code evaluateOne} call. {@link Builder#batch(int, Duration)}
 * collects up to {@code maxSize} elements of a task, waiting at most {@code maxDelay}, into one
 * streaming request, whose results come back one by one as they finish; a 429 or 503 in mid-stream
 * re-sends only the unanswered elements. Batches save requests and connections at high rates, and
 * cost up to {@code maxDelay} of latency per element; give {@code AsyncDataStream} a capacity of at
 * least {@code maxSize}, or batches fill only by time.
 *
 * @param <IN> the element type
 * @param <OUT> the output type
 */
public final class ClavataAsyncFunction<IN, OUT> extends RichAsyncFunction<IN, OUT>
    implements ResultTypeQueryable<OUT> {
  private static final long serialVersionUID = 1L;

  private final ClavataConfig config;
  private final String policyId;
  private final ToContent<IN> toContent;
  private final ReportMapper<IN, OUT> onReport;
  private final FailureMapper<IN, OUT> onFailure;
  private final TypeInformation<OUT> producedType;
  private final int maxBatchSize;
  private final Duration maxBatchDelay;

  private transient ClavataClient client;
  private transient Batcher<InFlight<IN, OUT>> batcher;
  // An element is here from asyncInvoke until it is settled; removing it claims its completion.
  private transient Map<ResultFuture<OUT>, InFlight<IN, OUT>> inFlight;

  private ClavataAsyncFunction(Builder<IN, OUT> builder) {
    this.config = builder.config;
    this.policyId = builder.policyId;
    this.toContent = Objects.requireNonNull(builder.toContent, "call content(...) on the builder");
    this.onReport = Objects.requireNonNull(builder.onReport, "call onReport(...) on the builder");
    this.onFailure = builder.onFailure;
    this.producedType = builder.producedType;
    this.maxBatchSize = builder.maxBatchSize;
    this.maxBatchDelay = builder.maxBatchDelay;
  }

  /**
   * A builder for any output type; failures fail the job unless {@link Builder#onFailure} is set.
   *
   * @param config how each task builds its client
   * @param policyId the policy to evaluate against
   * @param producedType the output's type information, such as {@code Types.STRING}
   * @param <IN> the element type
   * @param <OUT> the output type
   * @return a new builder
   */
  public static <IN, OUT> Builder<IN, OUT> builder(
      ClavataConfig config, String policyId, TypeInformation<OUT> producedType) {
    return new Builder<>(config, policyId, producedType);
  }

  /**
   * A builder whose output is one {@link Verdict} per element, failures included.
   *
   * @param config how each task builds its client
   * @param policyId the policy to evaluate against
   * @param toContent the content of an element, such as {@code ContentData::text}
   * @param <IN> the element type
   * @return a new builder, ready to build
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <IN> Builder<IN, Verdict<IN>> verdicts(
      ClavataConfig config, String policyId, ToContent<IN> toContent) {
    TypeInformation<Verdict<IN>> type = (TypeInformation) Types.GENERIC(Verdict.class);
    return new Builder<IN, Verdict<IN>>(config, policyId, type)
        .content(toContent)
        .onReport(Verdict::of)
        .onFailure(Verdict::failed);
  }

  @Override
  public void open(OpenContext openContext) {
    inFlight = new ConcurrentHashMap<>();
    client = config.newClient();
    if (maxBatchSize > 1) {
      String name =
          "clavata-batcher-" + getRuntimeContext().getTaskInfo().getTaskNameWithSubtasks();
      batcher = new Batcher<>(maxBatchSize, maxBatchDelay, this::evaluateBatch, name);
    }
  }

  @Override
  public void close() {
    if (batcher != null) {
      batcher.close();
    }
    if (client != null) {
      client.close();
    }
  }

  @Override
  public void asyncInvoke(IN input, ResultFuture<OUT> resultFuture) {
    ContentData content;
    try {
      content = Objects.requireNonNull(toContent.toContent(input), "toContent returned null");
      if (batcher != null) {
        // Checked one by one, so that one bad element does not fail the whole batch's request.
        EvaluateRequest.builder().policyId(policyId).addContent(content).build();
      }
    } catch (RuntimeException e) {
      settleFailed(new InFlight<>(input, resultFuture, null), e);
      return;
    }
    InFlight<IN, OUT> element = new InFlight<>(input, resultFuture, content);
    inFlight.put(resultFuture, element);
    if (batcher != null) {
      batcher.add(element);
      return;
    }
    CompletableFuture<PolicyEvaluationReport> call;
    try {
      call = client.async().stream().evaluateOne(policyId, content);
    } catch (RuntimeException e) {
      call = CompletableFuture.failedFuture(e);
    }
    element.call(call);
    call.whenComplete(
        (report, error) -> {
          if (error != null) {
            fail(element, error);
          } else {
            succeed(element, report);
          }
        });
  }

  /**
   * Settles an element that Flink's timeout passed: its call is cancelled and it fails, as the
   * builder chose (a failure record or a failed job), so no element is silently dropped.
   */
  @Override
  public void timeout(IN input, ResultFuture<OUT> resultFuture) {
    InFlight<IN, OUT> element = inFlight.remove(resultFuture);
    if (element == null) {
      return; // its result won the race and completed it
    }
    element.cancelCall();
    settleFailed(
        element,
        new TimeoutException(
            "no Clavata verdict within the AsyncDataStream timeout for policy " + policyId));
  }

  @Override
  public TypeInformation<OUT> getProducedType() {
    return producedType;
  }

  /** One streaming request for a batch; each result settles its element as it arrives. */
  private void evaluateBatch(List<InFlight<IN, OUT>> batch) {
    EvaluateRequest.Builder request =
        EvaluateRequest.builder().policyId(policyId).resubmitUnanswered(true);
    batch.forEach(element -> request.addContent(element.content));
    CompletableFuture<Void> call;
    try {
      call =
          client.async().stream()
              .evaluate(
                  request.build(),
                  result -> {
                    int index = result.inputIndex();
                    if (index >= 0 && index < batch.size()) {
                      succeed(batch.get(index), result.report());
                    }
                  });
    } catch (RuntimeException e) {
      call = CompletableFuture.failedFuture(e);
    }
    call.whenComplete(
        (done, error) -> {
          Throwable unanswered =
              error != null
                  ? error
                  : new ClavataException("the stream ended without a result for this element");
          batch.forEach(element -> fail(element, unanswered)); // a no-op for the answered ones
        });
  }

  private void succeed(InFlight<IN, OUT> element, PolicyEvaluationReport report) {
    if (report == null) {
      fail(element, new ClavataException("the server sent a result without a report"));
      return;
    }
    if (inFlight.remove(element.resultFuture, element)) {
      complete(element, () -> onReport.map(element.input, report));
    }
  }

  private void fail(InFlight<IN, OUT> element, Throwable error) {
    if (inFlight.remove(element.resultFuture, element)) {
      settleFailed(element, error);
    }
  }

  /** Completes a claimed element that failed, with a failure record or exceptionally. */
  private void settleFailed(InFlight<IN, OUT> element, Throwable error) {
    Throwable cause = unwrap(error);
    if (onFailure == null || failsTheJob(cause)) {
      element.resultFuture.completeExceptionally(cause);
      return;
    }
    complete(element, () -> onFailure.map(element.input, cause));
  }

  private void complete(InFlight<IN, OUT> element, MapperCall<OUT> mapper) {
    OUT out;
    try {
      out = mapper.call();
    } catch (RuntimeException e) {
      element.resultFuture.completeExceptionally(e);
      return;
    }
    element.resultFuture.complete(Collections.singletonList(out));
  }

  /** Errors that every element would meet the same way: the job stops instead. */
  static boolean failsTheJob(Throwable error) {
    return error instanceof AuthenticationException
        || error instanceof PermissionDeniedException
        || error instanceof NotFoundException;
  }

  private static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  /** A mapper applied to one element. */
  @FunctionalInterface
  private interface MapperCall<OUT> {
    OUT call();
  }

  /**
   * Builds a {@link ClavataAsyncFunction}.
   *
   * @param <IN> the element type
   * @param <OUT> the output type
   */
  public static final class Builder<IN, OUT> {
    private final ClavataConfig config;
    private final String policyId;
    private final TypeInformation<OUT> producedType;
    private ToContent<IN> toContent;
    private ReportMapper<IN, OUT> onReport;
    private FailureMapper<IN, OUT> onFailure;
    private int maxBatchSize = 1;
    private Duration maxBatchDelay = Duration.ZERO;

    private Builder(ClavataConfig config, String policyId, TypeInformation<OUT> producedType) {
      this.config = Objects.requireNonNull(config, "config");
      if (policyId == null || policyId.isBlank()) {
        throw new IllegalArgumentException("policyId must not be blank");
      }
      this.policyId = policyId;
      this.producedType = Objects.requireNonNull(producedType, "producedType");
    }

    /**
     * Sets how an element becomes content (required).
     *
     * @param toContent such as {@code post -> ContentData.text(post.body())}
     * @return this builder
     */
    public Builder<IN, OUT> content(ToContent<IN> toContent) {
      this.toContent = Objects.requireNonNull(toContent, "toContent");
      return this;
    }

    /**
     * Sets how an element and its report become the output (required).
     *
     * @param onReport such as {@code (post, report) -> post.id() + " " + report.outcome()}
     * @return this builder
     */
    public Builder<IN, OUT> onReport(ReportMapper<IN, OUT> onReport) {
      this.onReport = Objects.requireNonNull(onReport, "onReport");
      return this;
    }

    /**
     * Emits a failure record for an element that failed, instead of failing the job.
     *
     * @param onFailure such as {@code (post, error) -> post.id() + " failed: " + error}
     * @return this builder
     */
    public Builder<IN, OUT> onFailure(FailureMapper<IN, OUT> onFailure) {
      this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
      return this;
    }

    /**
     * Fails the job when an element fails (the default of {@link ClavataAsyncFunction#builder}).
     *
     * @return this builder
     */
    public Builder<IN, OUT> failJobOnError() {
      this.onFailure = null;
      return this;
    }

    /**
     * Sends up to {@code maxSize} elements of a task in one streaming request, waiting at most
     * {@code maxDelay} for a batch to fill. {@code batch(1, Duration.ZERO)}, the default, evaluates
     * each element on its own.
     *
     * @param maxSize the most elements per request, at least 1
     * @param maxDelay the longest an element waits for its batch to fill
     * @return this builder
     */
    public Builder<IN, OUT> batch(int maxSize, Duration maxDelay) {
      if (maxSize < 1) {
        throw new IllegalArgumentException("maxSize must be at least 1, was " + maxSize);
      }
      if (maxDelay.isNegative()) {
        throw new IllegalArgumentException("maxDelay must not be negative, was " + maxDelay);
      }
      this.maxBatchSize = maxSize;
      this.maxBatchDelay = maxDelay;
      return this;
    }

    /**
     * Builds the function.
     *
     * @return the function, ready for {@code AsyncDataStream.unorderedWait} or {@code orderedWait}
     * @throws NullPointerException if the content or report mapper is missing
     */
    public ClavataAsyncFunction<IN, OUT> build() {
      return new ClavataAsyncFunction<>(this);
    }
  }
}
