package ai.clavata.sdk.internal.stream;

import ai.clavata.sdk.events.ClavataEventListener;
import ai.clavata.sdk.events.StreamFinished;
import ai.clavata.sdk.internal.Timing;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts what a stream delivered and reports, once, how it ended: completed or interrupted (told by
 * the session) or closed early (told by the release action, when the session had not ended). It
 * refers to neither the stream nor the session, so the stream's Cleaner can still run.
 */
final class StreamOutcome {
  private final ClavataEventListener listener;
  private final Timing timing;
  private final int inputs;
  private final long startedNanos;
  private final AtomicBoolean reported = new AtomicBoolean();
  private volatile long results;
  private volatile int resubmissions;

  StreamOutcome(ClavataEventListener listener, Timing timing, int inputs, long startedNanos) {
    this.listener = listener;
    this.timing = timing;
    this.inputs = inputs;
    this.startedNanos = startedNanos;
  }

  void delivered(long count) {
    results = count;
  }

  void resubmitted(int count) {
    resubmissions = count;
  }

  void completed() {
    report(StreamFinished.Ending.COMPLETED, null);
  }

  void interrupted(Throwable failure) {
    report(StreamFinished.Ending.INTERRUPTED, failure);
  }

  /**
   * The release action ran: if the session had not ended, the caller closed the stream early, or,
   * with every input answered, before reading the body's end (as {@code evaluateOne} does).
   */
  void released() {
    report(
        results >= inputs ? StreamFinished.Ending.COMPLETED : StreamFinished.Ending.CLOSED_EARLY,
        null);
  }

  private void report(StreamFinished.Ending ending, Throwable failure) {
    if (listener == ClavataEventListener.NONE || !reported.compareAndSet(false, true)) {
      return;
    }
    listener.streamFinished(
        new StreamFinished(
            inputs,
            results,
            ending,
            failure,
            Duration.ofNanos(timing.nanoTime() - startedNanos),
            resubmissions));
  }
}
