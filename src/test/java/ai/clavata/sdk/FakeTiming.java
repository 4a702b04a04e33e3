package ai.clavata.sdk;

import ai.clavata.sdk.internal.Timing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Virtual time for tests: sleeping records the wait and advances the clock at once. */
public final class FakeTiming implements Timing {
  /** The wall-clock time when the fake clock starts. */
  public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final List<Duration> sleeps = new ArrayList<>();
  private long nanos;

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  @Override
  public synchronized Instant now() {
    return START.plusNanos(nanos);
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    nanos += duration.toNanos();
  }

  /** Every wait requested so far, in order. */
  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
