package ai.clavata.sdk.internal.http;

import okhttp3.Request;

/**
 * Whether a request may be sent again after the server might have acted on it. Attached to each
 * request as an OkHttp tag; the {@link RetryInterceptor} reads it.
 */
public enum CallSafety {
  /** Reads (GET): sending twice is harmless, so server errors and read timeouts are retried. */
  IDEMPOTENT,
  /**
   * A request that creates a billable job: a 500, a 504 or a read timeout may mean it was
   * processed, so only failures that prove it was not (429, 503, a refused connection) are retried,
   * unless the client opted in with {@code retryNonIdempotent(true)}.
   */
  NON_IDEMPOTENT;

  /** The request's tag, or what its method implies when it has none. */
  static CallSafety of(Request request) {
    CallSafety tagged = request.tag(CallSafety.class);
    if (tagged != null) {
      return tagged;
    }
    return request.method().equals("GET") || request.method().equals("HEAD")
        ? IDEMPOTENT
        : NON_IDEMPOTENT;
  }
}
