package ai.clavata.sdk.internal.http;

import ai.clavata.sdk.events.ApiCall;
import ai.clavata.sdk.internal.RetryScope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * What one call has done so far, across its attempts and, for an async call, across its runs: its
 * name in events, the attempts made, and the failures of the attempts before the last, which the
 * exception the caller finally gets carries as suppressed exceptions, so that the whole story is in
 * one stack trace. The SDK tags each request it builds with a new record ({@link #tag}).
 *
 * <p>Not synchronized: a call's attempts run one after the other, and the runs of an async call are
 * handed from thread to thread through an executor, which orders them.
 */
public final class CallRecord {
  private static final AtomicLong IDS = new AtomicLong();

  private List<Throwable> earlierFailures; // made at the first failure: most calls have none
  private ApiCall call;
  private int attempts;
  private int retries;
  private boolean started;
  private long startedNanos;

  /** A new record, for a request's tag. */
  public static CallRecord tag() {
    return new CallRecord();
  }

  /**
   * The record of the call {@code request} belongs to: the async call's on this thread, else the
   * request's tag, else a new one.
   */
  static CallRecord of(Request request) {
    RetryScope scope = RetryScope.current();
    if (scope != null) {
      return scope.record(CallRecord.class, CallRecord::new);
    }
    CallRecord tagged = request.tag(CallRecord.class);
    return tagged != null ? tagged : new CallRecord();
  }

  /**
   * Adds the earlier attempts' failures to {@code thrown} as suppressed exceptions.
   *
   * @param request the call's request (its tag, or the async call on this thread)
   * @param thrown the exception the caller gets
   * @return {@code thrown}
   */
  public static <E extends Throwable> E addEarlierFailures(Request request, E thrown) {
    CallRecord record = RetryScope.current() != null ? of(request) : request.tag(CallRecord.class);
    if (record != null && record.earlierFailures != null) {
      for (Throwable earlier : record.earlierFailures) {
        if (earlier != thrown) {
          thrown.addSuppressed(earlier);
        }
      }
    }
    return thrown;
  }

  /** Starts the call's clock on its first attempt; returns whether this was the first. */
  boolean start(long nowNanos) {
    if (started) {
      return false;
    }
    started = true;
    startedNanos = nowNanos;
    return true;
  }

  long startedNanos() {
    return startedNanos;
  }

  /** Counts one more attempt and returns its number, 1 for the first. */
  int nextAttempt() {
    return ++attempts;
  }

  int attempts() {
    return attempts;
  }

  /** The counted retries made so far (not the free retry of a stale connection). */
  int retries() {
    return retries;
  }

  /** Counts one more retry and returns how many there are now. */
  int nextRetry() {
    return ++retries;
  }

  /** Remembers the failure of an attempt that will be retried. */
  void failedBeforeRetry(Throwable failure) {
    if (earlierFailures == null) {
      earlierFailures = new ArrayList<>();
    }
    earlierFailures.add(failure);
  }

  /** The call as events name it; a storage URL without its query. */
  ApiCall call(Request request, boolean storage) {
    if (call == null) {
      HttpUrl url = request.url();
      call =
          new ApiCall(
              IDS.incrementAndGet(),
              request.method(),
              url.host(),
              url.encodedPath(),
              storage ? "storage" : route(url));
    }
    return call;
  }

  /**
   * The path with each id (the segment after {@code jobs} or {@code batch-jobs}) as {@code {id}}.
   */
  private static String route(HttpUrl url) {
    StringBuilder route = new StringBuilder();
    String previous = "";
    for (String segment : url.pathSegments()) {
      boolean id =
          (previous.equals("jobs") && !segment.equals("stream")) || previous.equals("batch-jobs");
      route.append('/').append(id ? "{id}" : segment);
      previous = segment;
    }
    return route.toString();
  }
}
