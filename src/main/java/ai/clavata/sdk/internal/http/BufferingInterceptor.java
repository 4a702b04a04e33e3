package ai.clavata.sdk.internal.http;

import ai.clavata.sdk.internal.Sizes;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Reads the whole body of a unary success response, up to a limit, inside the retry loop.
 *
 * <p>Two things follow. A read that fails half-way through the body is a failure of that attempt,
 * which {@link RetryInterceptor} retries like any other when the request is safe to repeat (a GET),
 * instead of surfacing later, outside the retries. And no body is read without a bound: past {@link
 * Limit#maxBytes()} (counted after gzip decoding, so a compressed bomb is stopped too) the call
 * fails with {@link TooLarge} instead of filling the heap.
 *
 * <p>Only requests tagged with a {@link Limit} are buffered; streams and file downloads are not.
 */
public final class BufferingInterceptor implements Interceptor {
  /**
   * The request tag that asks for buffering.
   *
   * @param maxBytes the largest body accepted
   */
  public record Limit(long maxBytes) {}

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Limit limit = request.tag(Limit.class);
    Response response = chain.proceed(request);
    if (limit == null || !response.isSuccessful()) {
      return response;
    }
    BufferedSource source = response.body().source();
    boolean tooLarge;
    try {
      // Reads the body into the source's own buffer, to its end: the response is then complete
      // and its connection back in the pool, with no copy of the bytes.
      tooLarge =
          source.request(
              limit.maxBytes() == Long.MAX_VALUE ? Long.MAX_VALUE : limit.maxBytes() + 1);
    } catch (IOException | RuntimeException e) {
      response.close();
      throw e;
    }
    if (tooLarge) {
      response.close();
      throw new TooLarge(limit.maxBytes());
    }
    return response;
  }

  /** A success body larger than the limit; never retried, since it would be as large again. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    private final long limit;

    TooLarge(long limit) {
      super("the response body is larger than the " + Sizes.describe(limit) + " limit");
      this.limit = limit;
    }

    /** The limit that was passed, in bytes. */
    public long limit() {
      return limit;
    }
  }
}
