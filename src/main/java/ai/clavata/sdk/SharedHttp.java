package ai.clavata.sdk;

import ai.clavata.sdk.internal.http.NoDelaySocketFactory;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.SocketFactory;
import okhttp3.Cache;
import okhttp3.OkHttpClient;

/**
 * The OkHttp resources a client and its {@code withOptions} copies share: the root client (with its
 * connection pool and dispatcher), one socket factory (connections are pooled per factory, so the
 * copies must use the same instance), and the closed flag. Only resources the SDK created are
 * released on close; a caller's {@code OkHttpClient} stays the caller's.
 */
final class SharedHttp {
  private final OkHttpClient root;
  private final boolean owned;
  private final SocketFactory socketFactory;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SharedHttp(OkHttpClient root, boolean owned) {
    this.root = root;
    this.owned = owned;
    this.socketFactory = new NoDelaySocketFactory(root.socketFactory());
  }

  /** Resources built on the caller's client, or on a new one the SDK owns when it is null. */
  static SharedHttp of(OkHttpClient supplied) {
    return supplied != null
        ? new SharedHttp(supplied, false)
        : new SharedHttp(new OkHttpClient(), true);
  }

  /** A builder sharing the pool and dispatcher, with {@code TCP_NODELAY} sockets. */
  OkHttpClient.Builder newBuilder() {
    return root.newBuilder().socketFactory(socketFactory);
  }

  /** The caller's client, or {@code null} when the SDK made its own. */
  OkHttpClient suppliedClient() {
    return owned ? null : root;
  }

  /** The dispatcher's threads, which run the async sub-clients. */
  Executor executor() {
    return root.dispatcher().executorService();
  }

  AtomicBoolean closed() {
    return closed;
  }

  /** Marks the client closed and releases what the SDK created. Idempotent. */
  void close() {
    if (!closed.compareAndSet(false, true) || !owned) {
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
