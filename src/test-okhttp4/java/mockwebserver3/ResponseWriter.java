package mockwebserver3;

import java.io.IOException;
import java.net.Socket;
import okhttp3.Headers;
import okio.BufferedSink;
import okio.Okio;
import okio.Sink;

/**
 * Writes one response as mockwebserver3 does: after the headers delay, the status line and the
 * headers exactly as scripted, then the body as the body object writes it, through the throttle and
 * the mid-body socket effect. The body is not framed here: {@code Content-Length} comes from the
 * builder. Part of the {@code okhttp4} profile's mockwebserver3 stand-in.
 */
final class ResponseWriter {
  private ResponseWriter() {}

  static void write(Socket socket, BufferedSink sink, MockResponse response) throws IOException {
    SocketSleep.sleepWhileOpen(socket, response.getHeadersDelayNanos());
    sink.writeUtf8(response.getStatus()).writeUtf8("\r\n");
    Headers headers = response.getHeaders();
    for (int i = 0; i < headers.size(); i++) {
      sink.writeUtf8(headers.name(i)).writeUtf8(": ").writeUtf8(headers.value(i)).writeUtf8("\r\n");
    }
    sink.writeUtf8("\r\n");
    sink.flush();

    MockResponseBody body = response.getBody();
    if (body == null) {
      return;
    }
    Sink target = sink;
    if (response.getThrottlePeriodNanos() > 0) {
      target =
          new ThrottledSink(
              socket,
              target,
              response.getThrottleBytesPerPeriod(),
              response.getThrottlePeriodNanos());
    }
    SocketEffect effect = response.getOnResponseBody();
    if (effect != null) {
      long length = body.getContentLength();
      Sink beforeTrigger = target;
      target =
          new TriggerSink(
              beforeTrigger,
              length != -1 ? length / 2 : 0,
              () -> {
                beforeTrigger.flush();
                SocketEffects.apply(effect, socket);
              });
    }
    BufferedSink bodySink = Okio.buffer(target);
    body.writeTo(bodySink);
    bodySink.flush(); // all of it, on the wire; not closed, the connection goes on
  }
}
