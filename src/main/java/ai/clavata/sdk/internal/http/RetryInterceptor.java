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
 * <p>Every failed response is closed before the next attempt, so no connection leaks. When the
 * attempts run out, the last response is returned (the caller turns it into a typed exception) or
 * the last I/O failure is thrown. A wait that would outlast the call timeout is not started: the
 * last failure is reported at once instead of after a sleep that cannot help.
 *
 * <p>In an async call (a {@link RetryScope} is bound to the thread) the wait is not slept: the
 * interceptor throws {@link RetryScope.Deferred}, the call's timer runs the call again after the
 * wait, and this loop resumes at the retry it had reached, within the same budget.
 *
 * <p>One extra attempt, at once and not counted, is made for a request that is safe to repeat when
 * it failed on a pooled connection that had served a response before (the server closed it while
 * idle, see {@link ExchangeFailures}); a request that is not safe to repeat is never sent twice
 * because of that, since the server may have read and processed it before the connection broke.
 */
public final class RetryInterceptor implements Interceptor {
  private final RetryPolicy policy;
  private final Timing timing;

  /** Creates the interceptor. */
  public RetryInterceptor(RetryPolicy policy, Timing timing) {
    this.policy = policy;
    this.timing = timing;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallSafety safety = CallSafety.of(request);
    boolean replayable = request.body() == null || !request.body().isOneShot();
    boolean staleRetryLeft = replayable && safety == CallSafety.IDEMPOTENT;
    RetryScope scope = RetryScope.current();
    long started;
    int retry;
    if (scope != null) { // an async call: waits go to its timer, a cancel reaches this call
      scope.onCancel(chain.call()::cancel);
      started = scope.startedNanos(timing.nanoTime());
      retry = scope.retriesDone();
    } else {
      started = timing.nanoTime();
      retry = 0;
    }
    while (true) {
      boolean mayRetry = replayable && retry < policy.maxRetries();
      Response response;
      try {
        response = chain.proceed(request);
      } catch (ExchangeFailures.StaleConnection stale) {
        if (staleRetryLeft && !chain.call().isCanceled()) {
          staleRetryLeft = false;
          continue;
        }
        retry = afterFailure(chain, stale.getCause(), safety, mayRetry, retry, started, scope);
        continue;
      } catch (IOException failure) {
        retry = afterFailure(chain, failure, safety, mayRetry, retry, started, scope);
        continue;
      }
      if (!mayRetry || !policy.retriesStatus(response.code(), safety)) {
        return response;
      }
      Duration asked = RetryAfter.parse(response.headers(), timing.now());
      if (asked != null && asked.compareTo(policy.maxBackoff()) > 0) {
        return response; // the caller decides whether to wait that long
      }
      Duration wait = asked != null ? asked : policy.backoff(retry);
      if (!fitsInCallTimeout(chain, started, wait)) {
        return response;
      }
      response.close();
      pause(scope, retry, wait);
      retry++;
    }
  }

  /** Sleeps, or in an async call ends this run so that the timer can run the call again. */
  private void pause(RetryScope scope, int retry, Duration wait) throws IOException {
    if (scope != null) {
      throw scope.defer(retry + 1, wait);
    }
    timing.pause(wait);
  }

  /**
   * Rethrows {@code failure} unless it is retried; returns the next retry's number after the wait.
   */
  private int afterFailure(
      Chain chain,
      IOException failure,
      CallSafety safety,
      boolean mayRetry,
      int retry,
      long started,
      RetryScope scope)
      throws IOException {
    if (!mayRetry || chain.call().isCanceled() || !policy.retriesFailure(failure, safety)) {
      throw failure;
    }
    Duration wait = policy.backoff(retry);
    if (!fitsInCallTimeout(chain, started, wait)) {
      throw failure;
    }
    pause(scope, retry, wait);
    return retry + 1;
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
