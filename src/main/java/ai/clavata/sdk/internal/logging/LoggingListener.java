package ai.clavata.sdk.internal.logging;

import ai.clavata.sdk.events.AttemptFinished;
import ai.clavata.sdk.events.CallFinished;
import ai.clavata.sdk.events.ClavataEventListener;
import ai.clavata.sdk.events.JobPolled;
import ai.clavata.sdk.events.LogLevel;
import ai.clavata.sdk.events.RetryScheduled;
import ai.clavata.sdk.events.StreamFinished;
import java.time.Duration;
import java.util.Locale;

/**
 * Turns call events into the {@code INFO} and {@code DEBUG} log lines: one per attempt, per retry,
 * per call that gives up, per stream end and (at {@code DEBUG}) per poll.
 */
public final class LoggingListener implements ClavataEventListener {
  private final ClavataLog log;

  /** Writes to {@code log}. */
  public LoggingListener(ClavataLog log) {
    this.log = log;
  }

  @Override
  public void attemptFinished(AttemptFinished e) {
    log.log(
        LogLevel.INFO,
        () ->
            e.call()
                + " -> "
                + (e.failure() == null ? Integer.toString(e.statusCode()) : describe(e.failure()))
                + " in "
                + millis(e.duration())
                + " (attempt "
                + e.attempt()
                + (e.requestId() == null ? "" : ", request id " + e.requestId())
                + ", call "
                + e.call().id()
                + ")");
  }

  @Override
  public void retryScheduled(RetryScheduled e) {
    log.warn(
        () ->
            e.call()
                + ": attempt "
                + e.attempt()
                + " failed ("
                + e.reason()
                + "); retrying in "
                + millis(e.delay())
                + " (call "
                + e.call().id()
                + ")");
  }

  @Override
  public void callFinished(CallFinished e) {
    if (e.isSuccessful()) {
      return;
    }
    log.warn(
        () ->
            e.call()
                + " gave up after "
                + e.attempts()
                + (e.attempts() == 1 ? " attempt: " : " attempts: ")
                + (e.failure() == null ? "HTTP " + e.statusCode() : describe(e.failure()))
                + " in "
                + millis(e.duration())
                + " (call "
                + e.call().id()
                + ")");
  }

  @Override
  public void streamFinished(StreamFinished e) {
    log.log(
        LogLevel.INFO,
        () ->
            "stream of "
                + e.inputs()
                + " input(s) "
                + e.ending().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + ": "
                + e.results()
                + " result(s) in "
                + millis(e.duration())
                + (e.resubmissions() == 0 ? "" : ", " + e.resubmissions() + " resubmission(s)")
                + (e.failure() == null ? "" : ", ended by " + describe(e.failure())));
  }

  @Override
  public void jobPolled(JobPolled e) {
    log.log(
        LogLevel.DEBUG,
        () -> e.kind() + " " + e.id() + " is " + e.status() + " (poll " + e.poll() + ")");
  }

  /** The exception's class and message: what a log line needs of it. */
  static String describe(Throwable failure) {
    String message = failure.getMessage();
    return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static String millis(Duration duration) {
    return duration.toMillis() + " ms";
  }
}
