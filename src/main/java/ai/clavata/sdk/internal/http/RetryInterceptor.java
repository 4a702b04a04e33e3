package ai.clavata.sdk.internal.http;

import ai.clavata.sdk.internal.RetryScope;
import ai.clavata.sdk.internal.Timing;
import java.io.IOException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends a request again after a retryable failure, as {@link RetryPolicy} decides. It is the first
 * interceptor of the SDK's chain and the only place that re-sends anything: OkHttp's own
 * connection-failure retries and follow-ups are turned off or hidden (see {@link FollowUpGuard}).
 *
 * <p>Every failed response is closed before the next attempt, so no connection leaks; its error is
 * kept in the call's {@link CallRecord}, so that the exception the caller finally gets carries the
 * earlier attempts' failures as suppressed exceptions. When the attempts run out, the last response
 * is returned (the caller turns it into a typed exception) or the last I/O failure is thrown. A
 * wait that would outlast the call timeout is not started: the last failure is reported at once
 * instead of after a sleep that cannot help. Each attempt, retry and the call's end go to the
 * client's {@link CallEvents}.
 *
 * <p>One extra attempt, at once and not counted, is made for a request that is safe to repeat when
 * it failed on a pooled connection that had served a response before (the server closed it while
 * idle, see {@link ExchangeFailures}); a request that is not safe to repeat is never sent twice
 * because of that, since the server may have read and processed it before the connection broke.
 *
 * <p>In an async call (a {@link RetryScope} is bound to the thread) the wait is not slept: the
 * interceptor throws {@link RetryScope.Deferred}, the call's timer runs the call again after the
 * wait, and this loop resumes at the retry it had reached, within the same budget.
 */
public final class RetryInterceptor implements Interceptor {
  private final RetryPolicy policy;
  private final Timing timing;
  private final CallEvents events;

  /** Creates the interceptor. */
  public RetryInterceptor(RetryPolicy policy, Timing timing, CallEvents events) {
    this.policy = policy;
    this.timing = timing;
    this.events = events;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallSafety safety = CallSafety.of(request);
    boolean replayable = request.body() == null || !request.body().isOneShot();
    boolean staleRetryLeft = replayable && safety == CallSafety.IDEMPOTENT;
    CallRecord record = CallRecord.of(request);
    if (record.start(timing.nanoTime())) {
      events.started(record, request);
    }
    RetryScope scope = RetryScope.current();
    if (scope != null) { // an async call: waits go to its timer, a cancel reaches this call
      scope.onCancel(chain.call()::cancel);
    }
    int retry = record.retries(); // more than 0 when an async call resumes after a deferred wait
    long started = record.startedNanos();
    while (true) {
      boolean mayRetry = replayable && retry < policy.maxRetries();
      int attempt = record.nextAttempt();
      long sent = events.enabled() ? timing.nanoTime() : 0;
      Response response;
      try {
        response = chain.proceed(request);
      } catch (ExchangeFailures.StaleConnection stale) {
        events.attempt(record, request, attempt, stale.getCause(), sent);
        if (staleRetryLeft && !chain.call().isCanceled()) {
          staleRetryLeft = false;
          record.failedBeforeRetry(stale.getCause());
          events.retry(record, request, attempt, "a stale pooled connection", Duration.ZERO);
          continue;
        }
        retry = afterFailure(chain, record, attempt, stale.getCause(), safety, mayRetry, retry);
        continue;
      } catch (IOException failure) {
        events.attempt(record, request, attempt, failure, sent);
        retry = afterFailure(chain, record, attempt, failure, safety, mayRetry, retry);
        continue;
      }
      events.attempt(record, request, attempt, response, sent);
      Duration wait = retryWait(chain, response, safety, mayRetry, retry, started);
      if (wait == null) {
        events.finished(record, request, response.code(), null);
        return response;
      }
      record.failedBeforeRetry(failureOf(response));
      events.retry(record, request, attempt, "HTTP " + response.code(), wait);
      response.close();
      retry = pause(scope, record, wait);
    }
  }

  /** The wait before retrying after {@code response}, or {@code null} to hand it on. */
  private Duration retryWait(
      Chain chain,
      Response response,
      CallSafety safety,
      boolean mayRetry,
      int retry,
      long started) {
    if (!mayRetry || !policy.retriesStatus(response.code(), safety)) {
      return null;
    }
    Duration asked = RetryAfter.parse(response.headers(), timing.now());
    if (asked != null && asked.compareTo(policy.maxBackoff()) > 0) {
      return null; // the caller decides whether to wait that long
    }
    Duration wait = asked != null ? asked : policy.backoff(retry);
    return fitsInCallTimeout(chain, started, wait) ? wait : null;
  }

  /**
   * Rethrows {@code failure} unless it is retried; returns the next retry's number after the wait.
   */
  private int afterFailure(
      Chain chain,
      CallRecord record,
      int attempt,
      IOException failure,
      CallSafety safety,
      boolean mayRetry,
      int retry)
      throws IOException {
    Request request = chain.request();
    Duration wait = null;
    if (mayRetry && !chain.call().isCanceled() && policy.retriesFailure(failure, safety)) {
      wait = policy.backoff(retry);
      if (!fitsInCallTimeout(chain, record.startedNanos(), wait)) {
        wait = null;
      }
    }
    if (wait == null) {
      events.finished(record, request, 0, failure);
      throw failure;
    }
    record.failedBeforeRetry(failure);
    events.retry(record, request, attempt, reason(failure), wait);
    return pause(RetryScope.current(), record, wait);
  }

  private static String reason(IOException failure) {
    String message = failure.getMessage();
    return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /**
   * Counts the retry, then sleeps, or in an async call ends this run so that the timer can run the
   * call again; returns the retries made.
   */
  private int pause(RetryScope scope, CallRecord record, Duration wait) throws IOException {
    int next = record.nextRetry(); // counted first, so that a deferred run resumes after it
    if (scope != null) {
      throw scope.defer(wait);
    }
    timing.pause(wait);
    return next;
  }

  /** The typed error of a failed response that is retried, read before it is closed. */
  private Throwable failureOf(Response response) {
    return ErrorBodies.toException(response, timing.now(), events.redactor());
  }

  private boolean fitsInCallTimeout(Chain chain, long started, Duration wait) {
    long timeoutNanos = chain.call().timeout().timeoutNanos();
    if (timeoutNanos == 0) {
      return true;
    }
    long elapsed = timing.nanoTime() - started;
    return elapsed + wait.toNanos() < timeoutNanos;
  }
}
