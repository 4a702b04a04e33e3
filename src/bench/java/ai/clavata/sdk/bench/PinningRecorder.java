package ai.clavata.sdk.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingStream;

/**
 * Counts {@code jdk.VirtualThreadPinned} events (a virtual thread that blocked while pinned to its
 * carrier) with a threshold of zero, through an in-process JFR {@link RecordingStream}. It keeps
 * the top frames of the first few events and counts all of them by the first frame outside the JDK,
 * which is the code that pinned.
 */
final class PinningRecorder implements AutoCloseable {
  static final String EVENT = "jdk.VirtualThreadPinned";
  private static final int KEPT = 3;
  private static final int FRAMES = 40;

  private final RecordingStream stream = new RecordingStream();
  private final LongAdder events = new LongAdder();
  private final AtomicLong flushes = new AtomicLong();
  private final List<String> first = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, LongAdder> byCaller = new ConcurrentHashMap<>();

  /**
   * What was recorded.
   *
   * @param events the pinned events
   * @param first the pinned reason (Java 24+) and frames of the first few, one string each
   * @param byCaller the count per first non-JDK frame
   */
  record Pinning(long events, List<String> first, Map<String, Long> byCaller) {}

  /** Starts recording; JFR takes a moment to start, so do this before the measured work. */
  PinningRecorder() {
    stream.enable(EVENT).withThreshold(Duration.ZERO).withStackTrace();
    stream.onEvent(EVENT, this::record);
    stream.onFlush(flushes::incrementAndGet);
    stream.startAsync();
  }

  private void record(RecordedEvent event) {
    events.increment();
    RecordedStackTrace trace = event.getStackTrace();
    List<RecordedFrame> frames = trace == null ? List.of() : trace.getFrames();
    String caller = "(no stack)";
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
        caller = describe(frame);
        break;
      }
    }
    byCaller.computeIfAbsent(caller, k -> new LongAdder()).increment();
    if (first.size() < KEPT) {
      StringBuilder top = new StringBuilder();
      if (event.hasField("pinnedReason")) { // Java 24+
        top.append('[').append(event.getString("pinnedReason")).append("] ");
      }
      for (int i = 0; i < Math.min(FRAMES, frames.size()); i++) {
        top.append(i == 0 ? "" : " <- ").append(describe(frames.get(i)));
      }
      first.add(top.toString());
    }
  }

  private static String describe(RecordedFrame frame) {
    return frame.getMethod().getType().getName()
        + "."
        + frame.getMethod().getName()
        + ":"
        + frame.getLineNumber();
  }

  /**
   * Waits until JFR has flushed twice more (so that the events of the work just done have been
   * delivered, up to 10 s), then stops and returns the counts.
   */
  Pinning finish() throws InterruptedException {
    long target = flushes.get() + 2;
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (flushes.get() < target && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    stream.close();
    Map<String, Long> counts = new TreeMap<>();
    byCaller.forEach((k, v) -> counts.put(k, v.sum()));
    return new Pinning(events.sum(), List.copyOf(first), counts);
  }

  @Override
  public void close() {
    stream.close();
  }
}
