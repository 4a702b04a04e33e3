package ai.clavata.sdk.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every event, in order, for assertions. */
final class RecordingListener implements ClavataEventListener {
  final List<Object> events = new CopyOnWriteArrayList<>();

  @Override
  public void callStarted(CallStarted event) {
    events.add(event);
  }

  @Override
  public void attemptFinished(AttemptFinished event) {
    events.add(event);
  }

  @Override
  public void retryScheduled(RetryScheduled event) {
    events.add(event);
  }

  @Override
  public void callFinished(CallFinished event) {
    events.add(event);
  }

  @Override
  public void streamFinished(StreamFinished event) {
    events.add(event);
  }

  @Override
  public void jobPolled(JobPolled event) {
    events.add(event);
  }

  /** The events' kinds in order, such as {@code [CallStarted, AttemptFinished, CallFinished]}. */
  List<String> kinds() {
    return events.stream().map(e -> e.getClass().getSimpleName()).toList();
  }

  /** The events of one type, in order. */
  <T> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
