package ai.clavata.sdk.internal.http;

import ai.clavata.sdk.events.AttemptFinished;
import ai.clavata.sdk.events.CallFinished;
import ai.clavata.sdk.events.CallStarted;
import ai.clavata.sdk.events.ClavataEventListener;
import ai.clavata.sdk.events.RetryScheduled;
import ai.clavata.sdk.internal.Timing;
import java.time.Duration;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Tells the client's listener about a call's attempts, as {@link RetryInterceptor} sees them. With
 * no listener (no log level, no caller listener) nothing is built at all.
 *
 * @param listener the client's listener, which never throws
 * @param redactor masks the key in what came from the server (a request id could echo it)
 * @param storage whether the calls go to presigned storage URLs
 * @param timing the clock of durations
 */
public record CallEvents(
    ClavataEventListener listener, Redactor redactor, boolean storage, Timing timing) {
  /** The events of the API client's calls, timed by {@code timing}. */
  public CallEvents(ClavataEventListener listener, Redactor redactor, Timing timing) {
    this(listener, redactor, false, timing);
  }

  /** The same events for the storage client's calls. */
  CallEvents forStorage() {
    return new CallEvents(listener, redactor, true, timing);
  }

  /** Whether anyone listens. */
  boolean enabled() {
    return listener != ClavataEventListener.NONE;
  }

  void started(CallRecord record, Request request) {
    if (enabled()) {
      listener.callStarted(new CallStarted(record.call(request, storage)));
    }
  }

  /** An attempt sent at {@code sentNanos} got {@code response}. */
  void attempt(CallRecord record, Request request, int attempt, Response response, long sentNanos) {
    if (enabled()) {
      long nanos = timing.nanoTime() - sentNanos;
      listener.attemptFinished(
          new AttemptFinished(
              record.call(request, storage),
              attempt,
              response.code(),
              null,
              Duration.ofNanos(nanos),
              redactor.redact(ErrorBodies.requestId(response.headers()))));
    }
  }

  /** An attempt sent at {@code sentNanos} failed. */
  void attempt(CallRecord record, Request request, int attempt, Throwable failure, long sentNanos) {
    if (enabled()) {
      long nanos = timing.nanoTime() - sentNanos;
      listener.attemptFinished(
          new AttemptFinished(
              record.call(request, storage), attempt, 0, failure, Duration.ofNanos(nanos), null));
    }
  }

  void retry(CallRecord record, Request request, int attempt, String reason, Duration delay) {
    if (enabled()) {
      listener.retryScheduled(
          new RetryScheduled(record.call(request, storage), attempt, reason, delay));
    }
  }

  void finished(CallRecord record, Request request, int statusCode, Throwable failure) {
    if (enabled()) {
      long nowNanos = timing.nanoTime();
      listener.callFinished(
          new CallFinished(
              record.call(request, storage),
              record.attempts(),
              statusCode,
              failure,
              Duration.ofNanos(nowNanos - record.startedNanos())));
    }
  }
}
