package mockwebserver3;

import java.io.InterruptedIOException;
import java.net.Socket;

/**
 * The delays of a response (headers delay, throttling): sleeps that end, with an exception, soon
 * after the server closes the socket. Part of the {@code okhttp4} profile's mockwebserver3
 * stand-in.
 */
final class SocketSleep {
  private static final long STEP_MILLIS = 100;

  private SocketSleep() {}

  /** Sleeps {@code nanos}, checking every 100 ms that the socket is still open. */
  static void sleepWhileOpen(Socket socket, long nanos) throws InterruptedIOException {
    long millis = nanos / 1_000_000L;
    int restNanos = (int) (nanos - millis * 1_000_000L);
    try {
      while (millis > STEP_MILLIS) {
        Thread.sleep(STEP_MILLIS);
        if (socket.isClosed()) {
          throw new InterruptedIOException("socket closed");
        }
        millis -= STEP_MILLIS;
      }
      if (millis > 0 || restNanos > 0) {
        Thread.sleep(millis, restNanos);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
  }
}
