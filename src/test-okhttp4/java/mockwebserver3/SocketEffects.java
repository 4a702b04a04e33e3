package mockwebserver3;

import java.io.IOException;
import java.net.Socket;

/** Applies a {@link SocketEffect} to a socket. Part of the {@code okhttp4} profile's stand-in. */
final class SocketEffects {
  private SocketEffects() {}

  /** Applies {@code effect}; returns false when there is none (the exchange goes on). */
  static boolean apply(SocketEffect effect, Socket socket) throws IOException {
    if (effect == null) {
      return false;
    }
    if (!(effect instanceof SocketEffect.CloseSocket close)) {
      throw new UnsupportedOperationException("not in the okhttp4 stand-in: " + effect);
    }
    if (close.getShutdownInput()) {
      socket.shutdownInput();
    }
    if (close.getShutdownOutput()) {
      socket.shutdownOutput();
    }
    if (close.getCloseSocket()) {
      socket.close();
    }
    return true;
  }
}
