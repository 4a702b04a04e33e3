package ai.clavata.sdk.internal.logging;

import ai.clavata.sdk.events.AttemptFinished;
import ai.clavata.sdk.events.CallFinished;
import ai.clavata.sdk.events.CallStarted;
import ai.clavata.sdk.events.ClavataEventListener;
import ai.clavata.sdk.events.JobPolled;
import ai.clavata.sdk.events.LogLevel;
import ai.clavata.sdk.events.RetryScheduled;
import ai.clavata.sdk.events.StreamFinished;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The listener a client calls: the SDK's own log lines first, then the caller's listener, whose
 * exceptions are caught and logged as warnings so that a bug in metrics code never breaks a call.
 */
public final class GuardedListener implements ClavataEventListener {
  private final List<ClavataEventListener> listeners;

  private GuardedListener(List<ClavataEventListener> listeners) {
    this.listeners = listeners;
  }

  /**
   * The listener for a client.
   *
   * @param log the client's log; its lines come first when it logs at all
   * @param caller the caller's listener, or {@link ClavataEventListener#NONE}
   * @return a listener that never throws
   */
  public static ClavataEventListener of(ClavataLog log, ClavataEventListener caller) {
    List<ClavataEventListener> listeners = new ArrayList<>(2);
    if (log.level().includes(LogLevel.INFO)) {
      listeners.add(new LoggingListener(log));
    }
    if (caller != NONE) {
      listeners.add(caller);
    }
    return listeners.isEmpty() ? NONE : new GuardedListener(List.copyOf(listeners));
  }

  @Override
  public void callStarted(CallStarted event) {
    each(listener -> listener.callStarted(event), "callStarted");
  }

  @Override
  public void attemptFinished(AttemptFinished event) {
    each(listener -> listener.attemptFinished(event), "attemptFinished");
  }

  @Override
  public void retryScheduled(RetryScheduled event) {
    each(listener -> listener.retryScheduled(event), "retryScheduled");
  }

  @Override
  public void callFinished(CallFinished event) {
    each(listener -> listener.callFinished(event), "callFinished");
  }

  @Override
  public void streamFinished(StreamFinished event) {
    each(listener -> listener.streamFinished(event), "streamFinished");
  }

  @Override
  public void jobPolled(JobPolled event) {
    each(listener -> listener.jobPolled(event), "jobPolled");
  }

  private void each(Consumer<ClavataEventListener> call, String method) {
    for (ClavataEventListener listener : listeners) {
      try {
        call.accept(listener);
      } catch (RuntimeException e) {
        System.getLogger(ClavataLog.NAME)
            .log(
                Level.WARNING,
                "the ClavataEventListener "
                    + listener.getClass().getName()
                    + " threw from "
                    + method
                    + "; the call goes on",
                e);
      }
    }
  }
}
