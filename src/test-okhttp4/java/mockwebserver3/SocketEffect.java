package mockwebserver3;

/**
 * What the server does to a connection at a given point of an exchange: mockwebserver3's interface,
 * in the {@code okhttp4} profile's stand-in. Only {@link CloseSocket} is provided.
 */
public interface SocketEffect {

  /** Shuts down the socket's input and/or output, and closes it (by default it only closes). */
  final class CloseSocket implements SocketEffect {
    private final boolean closeSocket;
    private final boolean shutdownInput;
    private final boolean shutdownOutput;

    public CloseSocket() {
      this(true, false, false);
    }

    public CloseSocket(boolean closeSocket, boolean shutdownInput, boolean shutdownOutput) {
      this.closeSocket = closeSocket;
      this.shutdownInput = shutdownInput;
      this.shutdownOutput = shutdownOutput;
    }

    public boolean getCloseSocket() {
      return closeSocket;
    }

    public boolean getShutdownInput() {
      return shutdownInput;
    }

    public boolean getShutdownOutput() {
      return shutdownOutput;
    }
  }
}
