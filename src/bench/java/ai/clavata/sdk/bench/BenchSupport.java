package ai.clavata.sdk.bench;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.internal.http.NoDelaySocketFactory;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;

/** What the benchmarks share: the two clients, GC counters and the heap meter. */
final class BenchSupport {
  private BenchSupport() {}

  /** An SDK client without retries, for a loopback server. */
  static ClavataClient sdkClient(String baseUrl) {
    return ClavataClient.builder()
        .apiKey("ck_bench_0000000000000000")
        .baseUrl(baseUrl)
        .maxRetries(0)
        .readTimeout(Duration.ofSeconds(30))
        .build();
  }

  /** The raw baseline's client: plain OkHttp, with the SDK's TCP_NODELAY socket factory. */
  static OkHttpClient rawClient() {
    return new OkHttpClient.Builder()
        .socketFactory(new NoDelaySocketFactory(SocketFactory.getDefault()))
        .readTimeout(Duration.ofSeconds(30))
        .build();
  }

  /** Shuts a raw client's threads and connections down. */
  static void shutdown(OkHttpClient raw) {
    raw.dispatcher().executorService().shutdown();
    raw.connectionPool().evictAll();
  }

  /** Collections so far, over all collectors. */
  static long gcCount() {
    long n = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, gc.getCollectionCount());
    }
    return n;
  }

  /** Milliseconds spent collecting so far, over all collectors. */
  static long gcTime() {
    long n = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, gc.getCollectionTime());
    }
    return n;
  }

  /** The 1-minute system load average. */
  static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** Heap used now ({@code totalMemory - freeMemory}). */
  static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  /**
   * Measures the peak heap of a piece of work two ways: a daemon thread samples {@link Runtime}
   * used memory every few milliseconds, and the heap pools' MXBean peaks (reset at {@link #start})
   * are summed at {@link #stop} (an upper bound, as the pools peak at different times).
   */
  static final class HeapMeter {
    private final List<MemoryPoolMXBean> pools = new ArrayList<>();
    private final AtomicLong sampledPeak = new AtomicLong();
    private final Thread sampler;

    private HeapMeter(long sampleMillis) {
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          pools.add(pool);
        }
      }
      pools.forEach(MemoryPoolMXBean::resetPeakUsage);
      sampledPeak.set(usedHeap());
      sampler =
          new Thread(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  sampledPeak.accumulateAndGet(usedHeap(), Math::max);
                  try {
                    Thread.sleep(sampleMillis);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "heap-sampler");
      sampler.setDaemon(true);
      sampler.start();
    }

    /** Resets the pools' peaks and starts sampling every {@code sampleMillis}. */
    static HeapMeter start(long sampleMillis) {
      return new HeapMeter(sampleMillis);
    }

    /** Stops sampling and returns the peaks. */
    Peak stop() throws InterruptedException {
      sampler.interrupt();
      sampler.join();
      sampledPeak.accumulateAndGet(usedHeap(), Math::max);
      long sum = 0;
      StringBuilder perPool = new StringBuilder();
      for (MemoryPoolMXBean pool : pools) {
        long peak = pool.getPeakUsage().getUsed();
        sum += peak;
        perPool.append(String.format(Locale.ROOT, "%s %.1f MB; ", pool.getName(), peak / 1e6));
      }
      return new Peak(sampledPeak.get(), sum, perPool.toString());
    }
  }

  /**
   * The peaks of one measured piece of work.
   *
   * @param sampled the highest sampled {@code Runtime} used memory
   * @param poolSum the sum of the heap pools' MXBean peaks
   * @param perPool each pool's peak, for printing
   */
  record Peak(long sampled, long poolSum, String perPool) {}
}
