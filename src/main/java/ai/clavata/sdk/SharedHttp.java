package ai.clavata.sdk;

import ai.clavata.sdk.internal.AsyncTimer;
import ai.clavata.sdk.internal.http.NoDelaySocketFactory;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.SocketFactory;
import okhttp3.Cache;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The resources a client and its {@code withOptions} copies share: the root OkHttp client (with its
 * connection pool and dispatcher), one socket factory (connections are pooled per factory, so the
 * copies must use the same instance), the timer of async waits, and the closed flag. Only resources
 * the SDK created are released on close; a caller's {@code OkHttpClient} stays the caller's.
 */
final class SharedHttp {
  private final OkHttpClient root;
  private final boolean owned;
  private final SocketFactory socketFactory;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AsyncTimer timer = new AsyncTimer();

  private SharedHttp(OkHttpClient root, boolean owned) {
    this.root = root;
    this.owned = owned;
    this.socketFactory = new NoDelaySocketFactory(root.socketFactory());
  }

  /**
   * Resources built on the caller's client, or on a new one the SDK owns, with a pool as {@code
   * config} says, when it has none.
   */
  static SharedHttp of(ClientConfig config) {
    if (config.okHttpClient() != null) {
      return new SharedHttp(config.okHttpClient(), false);
    }
    ConnectionPool pool =
        new ConnectionPool(
            config.maxIdleConnections(), config.keepAlive().toNanos(), TimeUnit.NANOSECONDS);
    return new SharedHttp(new OkHttpClient.Builder().connectionPool(pool).build(), true);
  }

  /** A builder sharing the pool and dispatcher, with {@code TCP_NODELAY} sockets. */
  OkHttpClient.Builder newBuilder() {
    return root.newBuilder().socketFactory(socketFactory);
  }

  /** The dispatcher's threads, which run the async sub-clients unless the caller gave others. */
  Executor dispatcherThreads() {
    return root.dispatcher().executorService();
  }

  /** The timer of async waits, shared by the copies like the pool. */
  AsyncTimer timer() {
    return timer;
  }

  AtomicBoolean closed() {
    return closed;
  }

  /** Marks the client closed and releases what the SDK created. Idempotent. */
  void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    timer.close();
    if (!owned) {
      return;
    }
    root.dispatcher().executorService().shutdown();
    root.connectionPool().evictAll();
    Cache cache = root.cache();
    if (cache != null) {
      try {
        cache.close();
      } catch (IOException ignored) {
        // Nothing useful to do: the client is going away.
      }
    }
  }
}
