package mockwebserver3;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import okhttp3.HttpUrl;

/**
 * A scriptable HTTP/1.1 server on the loopback interface: the part of mockwebserver3's {@code
 * MockWebServer} that this project's tests use, with the same binary interface. Only the {@code
 * okhttp4} profile compiles it, in place of mockwebserver3 5.x, which needs OkHttp 5's internals;
 * it uses nothing of OkHttp but its public API of 4.12 and 5.x. Plain HTTP only (no TLS, no
 * HTTP/2).
 *
 * <p>One thread accepts connections and one thread serves each connection, request after request.
 * Every request read is queued for {@link #takeRequest()} and counted before it is dispatched.
 */
public final class MockWebServer implements Closeable {
  private static final Logger logger = Logger.getLogger(MockWebServer.class.getName());
  private static final long CLOSE_TIMEOUT_SECONDS = 5;

  private final LinkedBlockingQueue<RecordedRequest> requestQueue = new LinkedBlockingQueue<>();
  private final AtomicInteger requestCount = new AtomicInteger();
  private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
  private final Set<Thread> connectionThreads = ConcurrentHashMap.newKeySet();
  private volatile Dispatcher dispatcher = new QueueDispatcher();
  private ServerSocket serverSocket;
  private Thread acceptThread;
  private InetSocketAddress socketAddress;
  private boolean closed;

  /** The number of requests read so far; more than the connections when they are reused. */
  public int getRequestCount() {
    return requestCount.get();
  }

  public Dispatcher getDispatcher() {
    return dispatcher;
  }

  /** Replaces the default {@link QueueDispatcher}; {@link #enqueue} then fails. */
  public void setDispatcher(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  public synchronized InetSocketAddress getSocketAddress() {
    if (socketAddress == null) {
      throw new IllegalStateException("call start() first");
    }
    return socketAddress;
  }

  public int getPort() {
    return getSocketAddress().getPort();
  }

  public String getHostName() {
    return getSocketAddress().getAddress().getHostName();
  }

  public synchronized boolean getStarted() {
    return socketAddress != null;
  }

  /** A URL of this server, such as {@code http://localhost:52133/path}. */
  public HttpUrl url(String path) {
    return new HttpUrl.Builder()
        .scheme("http")
        .host(getHostName())
        .port(getPort())
        .build()
        .resolve(path);
  }

  /** The next request, removed from the queue; waits for it, possibly forever. */
  public RecordedRequest takeRequest() throws InterruptedException {
    return requestQueue.take();
  }

  /** The next request, removed from the queue, or null when none comes within the timeout. */
  public RecordedRequest takeRequest(long timeout, TimeUnit unit) throws InterruptedException {
    return requestQueue.poll(timeout, unit);
  }

  /**
   * Queues {@code response} for a coming request, in order.
   *
   * @throws ClassCastException if the dispatcher is no longer a {@link QueueDispatcher}
   */
  public void enqueue(MockResponse response) {
    ((QueueDispatcher) dispatcher).enqueue(response);
  }

  /** Starts on the loopback interface, on any free port. */
  public void start() throws IOException {
    start(0);
  }

  /** Starts on the loopback interface, on {@code port} (0 for any free port). */
  public void start(int port) throws IOException {
    start(InetAddress.getByName("localhost"), port);
  }

  /** Starts on {@code address} and {@code port}; once started, another start does nothing. */
  public synchronized void start(InetAddress address, int port) throws IOException {
    if (closed) {
      throw new IllegalStateException("close() already called");
    }
    if (socketAddress != null) {
      return;
    }
    ServerSocket listening = new ServerSocket();
    listening.setReuseAddress(port != 0);
    listening.bind(new InetSocketAddress(address, port), 50);
    serverSocket = listening;
    socketAddress = new InetSocketAddress(address, listening.getLocalPort());
    acceptThread = new Thread(this::acceptConnections, "MockWebServer " + listening.getLocalPort());
    acceptThread.setDaemon(true);
    acceptThread.start();
  }

  private void acceptConnections() {
    int nextConnectionIndex = 0;
    try {
      while (true) {
        Socket socket = serverSocket.accept();
        openSockets.add(socket);
        int index = nextConnectionIndex++;
        startConnectionThread(
            "MockWebServer " + socketAddress.getPort() + " connection " + index,
            new Connection(this, socket, index));
      }
    } catch (IOException e) {
      logger.fine(this + " done accepting connections: " + e.getMessage());
    } finally {
      for (Socket socket : openSockets) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // releasing all of them anyway
        }
      }
      dispatcher.close();
    }
  }

  private void startConnectionThread(String name, Runnable connection) {
    Thread thread =
        new Thread(
            () -> {
              try {
                connection.run();
              } finally {
                connectionThreads.remove(Thread.currentThread());
              }
            },
            name);
    thread.setDaemon(true);
    connectionThreads.add(thread);
    thread.start();
  }

  void record(RecordedRequest request) {
    requestCount.incrementAndGet();
    requestQueue.add(request);
  }

  void forget(Socket socket) {
    openSockets.remove(socket);
  }

  /**
   * Stops accepting, closes every connection and waits for their threads.
   *
   * @throws AssertionError if a thread is still busy after 5 seconds (a dispatcher or body that
   *     does not notice the close), as in mockwebserver3
   */
  @Override
  public void close() {
    ServerSocket listening;
    Thread accepting;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      listening = serverSocket;
      accepting = acceptThread;
    }
    if (listening == null) {
      return; // never started
    }
    try {
      listening.close();
    } catch (IOException ignored) {
      // accept() fails either way
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLOSE_TIMEOUT_SECONDS);
    // The accept thread first: once it is done, no connection thread starts any more.
    awaitEnd(accepting, deadline);
    for (Thread thread : connectionThreads) {
      awaitEnd(thread, deadline);
    }
  }

  private static void awaitEnd(Thread thread, long deadline) {
    try {
      thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted waiting for " + thread.getName(), e);
    }
    if (thread.isAlive()) {
      throw new AssertionError("Gave up waiting for " + thread.getName() + " to shut down");
    }
  }

  @Override
  public synchronized String toString() {
    if (closed) {
      return "MockWebServer{closed}";
    }
    return socketAddress != null
        ? "MockWebServer{port=" + socketAddress.getPort() + "}"
        : "MockWebServer{new}";
  }
}
