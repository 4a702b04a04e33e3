package mockwebserver3;

import java.io.IOException;
import okio.Buffer;
import okio.ForwardingSink;
import okio.Sink;

/**
 * Passes the first {@code triggerByteCount} bytes on, then runs the trigger (a socket effect) and
 * drops every later byte: {@code onResponseBody}. As in mockwebserver3, a trigger count of 0 (a
 * body of unknown length) drops the whole body without running the trigger. Part of the {@code
 * okhttp4} profile's mockwebserver3 stand-in.
 */
final class TriggerSink extends ForwardingSink {
  /** The effect to run; it may close the socket. */
  interface Trigger {
    void run() throws IOException;
  }

  private final long triggerByteCount;
  private final Trigger trigger;
  private long written;

  TriggerSink(Sink delegate, long triggerByteCount, Trigger trigger) {
    super(delegate);
    this.triggerByteCount = triggerByteCount;
    this.trigger = trigger;
  }

  @Override
  public void write(Buffer source, long byteCount) throws IOException {
    if (byteCount == 0) {
      return;
    }
    if (written == triggerByteCount) {
      source.skip(byteCount);
      return;
    }
    long toWrite = Math.min(byteCount, triggerByteCount - written);
    written += toWrite;
    super.write(source, toWrite);
    if (written == triggerByteCount) {
      trigger.run();
    }
    source.skip(byteCount - toWrite);
  }
}
