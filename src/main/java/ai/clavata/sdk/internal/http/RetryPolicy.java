package ai.clavata.sdk.internal.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;

/**
 * What is retried and how long to wait between attempts.
 *
 * <ul>
 *   <li>Every request: failures before the request was sent (no connection, an HTTP/2 stream the
 *       server refused), 429 and 503.
 *   <li>Idempotent requests, and every request when {@code retryNonIdempotent} is set: also 500,
 *       502, 504 and other I/O failures such as read timeouts.
 *   <li>Never: 400, 401, 403, 404, 408, 499 or any other status; TLS failures, refused redirects,
 *       and bodies over the size limit.
 * </ul>
 *
 * <p>The wait is exponential backoff with jitter, from {@code initialBackoff} doubling up to {@code
 * maxBackoff}. A server's {@code Retry-After-Ms} or {@code Retry-After} replaces it; a server that
 * asks for more than {@code maxBackoff} is not retried at all, so the caller gets the {@link
 * ai.clavata.sdk.errors.RateLimitException} with its {@code retryAfter()} at once instead of a
 * thread that sleeps for minutes.
 *
 * @param maxRetries attempts after the first; 0 disables retries
 * @param initialBackoff the first backoff
 * @param maxBackoff the longest single wait
 * @param retryNonIdempotent whether job-creating POSTs are retried like reads
 */
public record RetryPolicy(
    int maxRetries, Duration initialBackoff, Duration maxBackoff, boolean retryNonIdempotent) {

  /** The SDK's defaults: 2 retries, 500 ms doubling to 30 s, creates not retried on 5xx. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(30), false);

  /**
   * Creates a policy and validates it.
   *
   * @param maxRetries attempts after the first; 0 disables retries
   * @param initialBackoff the first backoff
   * @param maxBackoff the longest single wait
   * @param retryNonIdempotent whether job-creating POSTs are retried like reads
   * @throws IllegalArgumentException if {@code maxRetries} is negative
   */
  public RetryPolicy {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be 0 or more, but was " + maxRetries);
    }
  }

  /** A copy with another retry count. */
  public RetryPolicy withMaxRetries(int maxRetries) {
    return new RetryPolicy(maxRetries, initialBackoff, maxBackoff, retryNonIdempotent);
  }

  /** A copy that does or does not retry job-creating POSTs like reads. */
  public RetryPolicy withRetryNonIdempotent(boolean retryNonIdempotent) {
    return new RetryPolicy(maxRetries, initialBackoff, maxBackoff, retryNonIdempotent);
  }

  boolean retriesStatus(int code, CallSafety safety) {
    if (code == 429 || code == 503) {
      return true;
    }
    boolean safe = safety == CallSafety.IDEMPOTENT || retryNonIdempotent;
    return safe && (code == 500 || code == 502 || code == 504);
  }

  boolean retriesFailure(IOException failure, CallSafety safety) {
    if (failure instanceof SSLException
        || failure instanceof RedirectInterceptor.RefusedRedirect
        || failure instanceof BufferingInterceptor.TooLarge) {
      return false; // certificates, refused redirects and oversized bodies do not heal by
      // themselves
    }
    if (neverSent(failure)) {
      return true;
    }
    boolean safe = safety == CallSafety.IDEMPOTENT || retryNonIdempotent;
    return safe
        && !(failure instanceof InterruptedIOException
            && !(failure instanceof SocketTimeoutException));
  }

  /**
   * The jittered backoff before retry number {@code retry} (0-based): 50 % to 100 % of the step.
   */
  public Duration backoff(int retry) {
    long step = initialBackoff.toMillis() << Math.min(retry, 20);
    long capped = Math.min(step, maxBackoff.toMillis());
    long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    return Duration.ofMillis(jittered);
  }

  /**
   * Failures that prove the request never reached the server: it could not connect, or an HTTP/2
   * server refused the stream or was shutting the connection down before it took the request (told
   * by OkHttp's exception names and messages, which are not public API).
   */
  private static boolean neverSent(IOException failure) {
    if (failure instanceof ConnectException
        || failure instanceof NoRouteToHostException
        || failure instanceof UnknownHostException
        || failure.getClass().getSimpleName().equals("ConnectionShutdownException")) {
      return true;
    }
    String message =
        failure.getMessage() == null ? "" : failure.getMessage().toLowerCase(Locale.ROOT);
    return (failure instanceof SocketTimeoutException && message.contains("connect"))
        || (failure.getClass().getSimpleName().equals("StreamResetException")
            && message.contains("refused_stream"));
  }
}
