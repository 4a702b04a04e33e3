package ai.clavata.sdk.internal;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;

/**
 * The clock and the sleeper behind every backoff and poll, so tests can run them in virtual time
 * instead of really sleeping.
 */
public interface Timing {
  /** The real clock and {@link Thread#sleep}. */
  Timing SYSTEM =
      new Timing() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public Instant now() {
          return Instant.now();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
          long millis = duration.toMillis();
          if (millis > 0) {
            Thread.sleep(millis);
          }
        }
      };

  /** A monotonic clock for measuring elapsed time. */
  long nanoTime();

  /** Wall-clock time, for reading HTTP dates. */
  Instant now();

  /** Blocks the calling thread. */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * Sleeps, and turns an interrupt into an {@link InterruptedIOException} (with the interrupt flag
   * kept set), the form every wait of the SDK reports it in.
   *
   * @param duration how long to wait
   * @throws InterruptedIOException if the thread was interrupted
   */
  default void pause(Duration duration) throws InterruptedIOException {
    try {
      sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting");
      interrupted.initCause(e);
      throw interrupted;
    }
  }
}
