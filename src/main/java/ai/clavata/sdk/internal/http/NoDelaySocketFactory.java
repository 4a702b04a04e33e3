package ai.clavata.sdk.internal.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Wraps a socket factory so that every socket has {@code TCP_NODELAY} on. OkHttp leaves Nagle's
 * algorithm on; a request body of a few hundred KB (a large stream request, say) then stalls about
 * 40 ms waiting for delayed ACKs before the server sees its end (measured on loopback; see
 * BENCHMARKS.md). Wrapping, not replacing, keeps a caller's own factory (a SOCKS proxy, say).
 */
public final class NoDelaySocketFactory extends SocketFactory {
  private final SocketFactory delegate;

  /** Wraps {@code delegate}. */
  public NoDelaySocketFactory(SocketFactory delegate) {
    this.delegate = delegate;
  }

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(delegate.createSocket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress local, int localPort)
      throws IOException {
    return noDelay(delegate.createSocket(host, port, local, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort)
      throws IOException {
    return noDelay(delegate.createSocket(address, port, local, localPort));
  }

  private static Socket noDelay(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }
}
