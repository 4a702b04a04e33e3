package ai.clavata.sdk.internal.http;

import ai.clavata.sdk.internal.Timing;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends a request again after a retryable failure, as {@link RetryPolicy} decides.
 *
 * <p>Every failed response is closed before the next attempt, so no connection leaks. When the
 * attempts run out, the last response is returned (the caller turns it into a typed exception) or
 * the last I/O failure is thrown. A wait that would outlast the call timeout is not started: the
 * last failure is reported at once instead of after a sleep that cannot help.
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
    long started = timing.nanoTime();
    for (int retry = 0; ; retry++) {
      boolean mayRetry = replayable && retry < policy.maxRetries();
      Response response;
      try {
        response = chain.proceed(request);
      } catch (IOException failure) {
        if (!mayRetry || chain.call().isCanceled() || !policy.retriesFailure(failure, safety)) {
          throw failure;
        }
        Duration wait = policy.backoff(retry);
        if (!fitsInCallTimeout(chain, started, wait)) {
          throw failure;
        }
        sleep(wait);
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
      sleep(wait);
    }
  }

  private boolean fitsInCallTimeout(Chain chain, long started, Duration wait) {
    long timeoutNanos = chain.call().timeout().timeoutNanos();
    if (timeoutNanos == 0) {
      return true;
    }
    long elapsed = timing.nanoTime() - started;
    return elapsed + wait.toNanos() < timeoutNanos;
  }

  private void sleep(Duration wait) throws InterruptedIOException {
    try {
      timing.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted =
          new InterruptedIOException("interrupted while waiting to retry");
      interrupted.initCause(e);
      throw interrupted;
    }
  }
}
