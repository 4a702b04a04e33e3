package ai.clavata.sdk.internal.http;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Follows redirects by the SDK's rules instead of OkHttp's (which are turned off on its clients):
 *
 * <ul>
 *   <li>never from {@code https} to plain {@code http}, and plain {@code http} only between
 *       loopback hosts, so neither content nor a presigned URL travels unencrypted;
 *   <li>a request with a body is followed only on 307 and 308, which keep the method and body; a
 *       301, 302 or 303 to a POST is returned as it is rather than turned into a GET;
 *   <li>at most {@value #MAX_REDIRECTS} hops, so a redirect loop cannot re-send a create again and
 *       again;
 *   <li>a hop to another origin drops any {@code Authorization} header. The API key itself is added
 *       later in the chain, by the auth interceptor, only for the API's own origin.
 * </ul>
 *
 * <p>A redirect it refuses is a {@link RefusedRedirect} that names both URLs, without their query
 * strings (a presigned URL's query is its signature). It is never retried.
 */
public final class RedirectInterceptor implements Interceptor {
  /** How many hops one attempt follows. */
  public static final int MAX_REDIRECTS = 5;

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    for (int hops = 0; ; hops++) {
      Response response = chain.proceed(request);
      Request next = followUp(request, response);
      if (next == null) {
        return response;
      }
      response.close();
      if (hops == MAX_REDIRECTS) {
        throw new RefusedRedirect(
            "too many redirects: more than "
                + MAX_REDIRECTS
                + ", the last to "
                + Urls.withoutQuery(next.url()));
      }
      request = next;
    }
  }

  /** The request that follows {@code response}'s redirect, or null if it is not followed. */
  private static Request followUp(Request request, Response response) throws RefusedRedirect {
    int code = response.code();
    boolean keepsBody = code == 307 || code == 308;
    if (!keepsBody && code != 301 && code != 302 && code != 303) {
      return null;
    }
    String location = response.header("Location");
    if (location == null) {
      return null;
    }
    if (request.body() != null && (!keepsBody || request.body().isOneShot())) {
      return null;
    }
    HttpUrl from = request.url();
    HttpUrl to = from.resolve(location);
    if (to == null) {
      response.close();
      throw new RefusedRedirect(
          Urls.withoutQuery(from) + " redirected to a location that is not an http(s) URL");
    }
    if (to.scheme().equals("http") && (from.isHttps() || !Urls.isLoopback(to.host()))) {
      response.close();
      throw new RefusedRedirect(
          "refused a redirect from "
              + Urls.withoutQuery(from)
              + " to plain http "
              + Urls.withoutQuery(to)
              + ": the SDK sends requests unencrypted only to loopback hosts");
    }
    Request.Builder next = request.newBuilder().url(to);
    if (!sameOrigin(from, to)) {
      next.removeHeader("Authorization");
    }
    return next.build();
  }

  private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }

  /** A redirect the SDK does not follow. */
  public static final class RefusedRedirect extends IOException {
    private static final long serialVersionUID = 1L;

    RefusedRedirect(String message) {
      super(message);
    }
  }
}
