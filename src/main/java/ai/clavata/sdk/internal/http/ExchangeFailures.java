package ai.clavata.sdk.internal.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * A network interceptor that tells two failures of one exchange apart, which OkHttp reports alike:
 *
 * <ul>
 *   <li>A failure on a keep-alive connection that already served a response: the server most likely
 *       closed it while it sat in the pool. It is thrown as a {@link StaleConnection}, which {@link
 *       RetryInterceptor} retries at once for requests that are safe to repeat (OkHttp's own
 *       recovery, which would also repeat a POST the server may have processed, is off).
 *   <li>A timeout before the request body was sent: a stalled upload, thrown as a {@link
 *       WriteTimeout} so the message can name {@code writeTimeout}, not {@code readTimeout}.
 * </ul>
 */
public final class ExchangeFailures implements Interceptor {
  /**
   * Connections that delivered a response. Shared by every client, since clients and their {@code
   * withOptions} copies share pools; weak, so the pools alone decide how long connections live;
   * split in stripes by identity hash, so that concurrent calls seldom wait on one lock.
   */
  private static final List<Set<Connection>> SERVED = stripes(16);

  private static List<Set<Connection>> stripes(int count) {
    List<Set<Connection>> stripes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      stripes.add(Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>())));
    }
    return List.copyOf(stripes);
  }

  private static Set<Connection> served(Connection connection) {
    return SERVED.get(System.identityHashCode(connection) & (SERVED.size() - 1));
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Connection connection = chain.connection();
    boolean reused = connection != null && served(connection).contains(connection);
    Request request = chain.request();
    RequestBody original = request.body();
    TrackedBody body =
        original == null
            ? null
            : original instanceof TrackedBody already ? already : new TrackedBody(original);
    if (body != null) {
      body.sent = false; // a retry sends the same body again
    }
    try {
      Request tracked =
          body == original ? request : request.newBuilder().method(request.method(), body).build();
      Response response = chain.proceed(tracked);
      if (connection != null && !reused) {
        served(connection).add(connection);
      }
      return response;
    } catch (SocketTimeoutException timeout) {
      if (body != null && !body.sent) {
        throw new WriteTimeout(timeout);
      }
      throw timeout;
    } catch (InterruptedIOException interrupted) {
      throw interrupted;
    } catch (IOException failure) {
      throw reused ? new StaleConnection(failure) : failure;
    }
  }

  /**
   * {@code body}, made able to tell whether it was sent: the SDK's own request bodies are made so,
   * which spares a copy of the request per call; any other body is wrapped on its way through.
   *
   * @param body the body
   * @return a body that records when it was written out
   */
  public static RequestBody tracked(RequestBody body) {
    return body instanceof TrackedBody ? body : new TrackedBody(body);
  }

  /** A failure on a pooled connection that had served a response before. */
  static final class StaleConnection extends IOException {
    private static final long serialVersionUID = 1L;

    StaleConnection(IOException cause) {
      super("the pooled connection failed: " + cause.getMessage(), cause);
    }

    /** The failure OkHttp reported. */
    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }

  /** The write timeout passed while the request was being sent. */
  public static final class WriteTimeout extends SocketTimeoutException {
    private static final long serialVersionUID = 1L;

    WriteTimeout(SocketTimeoutException cause) {
      super("timed out sending the request");
      initCause(cause);
    }
  }

  /** The request body, flushed at its end so that a stall in sending it is seen as such. */
  private static final class TrackedBody extends RequestBody {
    private final RequestBody delegate;
    private volatile boolean sent;

    TrackedBody(RequestBody delegate) {
      this.delegate = delegate;
    }

    @Override
    public MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() throws IOException {
      return delegate.contentLength();
    }

    @Override
    public boolean isOneShot() {
      return delegate.isOneShot();
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      delegate.writeTo(sink);
      sink.flush();
      sent = true;
    }
  }
}
