package mockwebserver3;

import java.io.IOException;
import java.net.Socket;
import okio.Buffer;
import okio.ForwardingSink;
import okio.Sink;

/**
 * Writes {@code bytesPerPeriod} bytes, flushes, sleeps a period, and so on: {@code throttleBody}.
 * Part of the {@code okhttp4} profile's mockwebserver3 stand-in.
 */
final class ThrottledSink extends ForwardingSink {
  private final Socket socket;
  private final long bytesPerPeriod;
  private final long periodNanos;
  private long writtenSinceDelay;

  ThrottledSink(Socket socket, Sink delegate, long bytesPerPeriod, long periodNanos) {
    super(delegate);
    this.socket = socket;
    this.bytesPerPeriod = bytesPerPeriod;
    this.periodNanos = periodNanos;
  }

  @Override
  public void write(Buffer source, long byteCount) throws IOException {
    long left = byteCount;
    while (left > 0) {
      if (writtenSinceDelay == bytesPerPeriod) {
        flush();
        SocketSleep.sleepWhileOpen(socket, periodNanos);
        writtenSinceDelay = 0;
      }
      long toWrite = Math.min(left, bytesPerPeriod - writtenSinceDelay);
      writtenSinceDelay += toWrite;
      left -= toWrite;
      super.write(source, toWrite);
    }
  }
}
