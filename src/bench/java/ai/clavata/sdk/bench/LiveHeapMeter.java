package ai.clavata.sdk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Estimates the peak live heap of a piece of work: a daemon thread polls every few milliseconds
 * and, whenever a collection has happened since the last poll, sums the heap pools' usage right
 * after that collection ({@link MemoryPoolMXBean#getCollectionUsage()}). The largest such sum is
 * what survived a GC, which, unlike the used heap that {@link BenchSupport.HeapMeter} samples, does
 * not include garbage waiting in the young generation. A GC between two polls of which only the
 * later is seen can be missed, so the figure is a lower bound when GCs are very frequent.
 */
final class LiveHeapMeter {
  private final List<MemoryPoolMXBean> pools = new ArrayList<>();
  private final AtomicLong peak = new AtomicLong();
  private final AtomicLong collections = new AtomicLong();
  private final Thread sampler;

  private LiveHeapMeter(long sampleMillis) {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pools.add(pool);
      }
    }
    long startCount = BenchSupport.gcCount();
    sampler =
        new Thread(
            () -> {
              long seen = startCount;
              while (!Thread.currentThread().isInterrupted()) {
                seen = poll(seen);
                try {
                  Thread.sleep(sampleMillis);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "live-heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Starts polling every {@code sampleMillis}. */
  static LiveHeapMeter start(long sampleMillis) {
    return new LiveHeapMeter(sampleMillis);
  }

  private long poll(long seen) {
    long count = BenchSupport.gcCount();
    if (count == seen) {
      return seen;
    }
    long sum = 0;
    for (MemoryPoolMXBean pool : pools) {
      MemoryUsage after = pool.getCollectionUsage();
      sum += after == null ? 0 : after.getUsed();
    }
    peak.accumulateAndGet(sum, Math::max);
    collections.addAndGet(count - seen);
    return count;
  }

  /**
   * Stops polling and returns the largest heap seen right after a collection, or -1 if there was
   * none during the work.
   */
  long stop() throws InterruptedException {
    sampler.interrupt();
    sampler.join();
    return collections.get() == 0 ? -1 : peak.get();
  }
}
