package mockwebserver3;

import java.io.IOException;
import java.net.Socket;
import java.util.logging.Level;
import java.util.logging.Logger;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.Okio;

/**
 * Serves one accepted socket, on its own thread: request after request (keep-alive) until the
 * client closes it, a socket effect ends it, or the server closes. Part of the {@code okhttp4}
 * profile's mockwebserver3 stand-in.
 */
final class Connection implements Runnable {
  private static final Logger logger = Logger.getLogger(MockWebServer.class.getName());

  private final MockWebServer server;
  private final Socket socket;
  private final int connectionIndex;
  private int nextExchangeIndex;

  Connection(MockWebServer server, Socket socket, int connectionIndex) {
    this.server = server;
    this.socket = socket;
    this.connectionIndex = connectionIndex;
  }

  @Override
  public void run() {
    try {
      BufferedSource source = Okio.buffer(Okio.source(socket));
      BufferedSink sink = Okio.buffer(Okio.sink(socket));
      while (serveOne(source, sink)) {
        // next exchange on the same connection
      }
    } catch (IOException e) {
      logger.fine(server + " connection " + connectionIndex + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      logger.log(Level.SEVERE, server + " connection " + connectionIndex + " crashed", e);
    } finally {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      server.forget(socket);
    }
  }

  /** Reads a request and answers it; returns whether to read another from this socket. */
  private boolean serveOne(BufferedSource source, BufferedSink sink)
      throws IOException, InterruptedException {
    if (source.exhausted()) {
      return false;
    }
    Dispatcher dispatcher = server.getDispatcher();
    RecordedRequest request =
        RequestReader.read(socket, source, dispatcher, connectionIndex, nextExchangeIndex++);
    server.record(request);
    if (request.getFailure() != null) {
      return false;
    }
    MockResponse response = dispatcher.dispatch(request);
    if (SocketEffects.apply(response.getOnResponseStart(), socket)) {
      return false;
    }
    ResponseWriter.write(socket, sink, response);
    return true;
  }
}
