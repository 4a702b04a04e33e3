package ai.clavata.sdk.internal.http;

import ai.clavata.sdk.internal.Version;
import java.io.IOException;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code Authorization: Bearer <key>} and the SDK's {@code User-Agent} to requests for the
 * API's own origin. A request to any other origin (a presigned storage URL, a redirect target)
 * passes through untouched, so the key cannot leak there even if such a request is sent through
 * this client.
 *
 * <p>It is the last application interceptor, after retries, the caller's interceptors and
 * redirects: every attempt and every redirect hop is checked against its final URL, and no
 * interceptor of the caller ever sees the key. The key is read from the supplier for every request,
 * so rotating keys take effect at once.
 */
public final class AuthInterceptor implements Interceptor {
  private final Supplier<String> credentials;
  private final HttpUrl origin;

  /**
   * The last key the supplier returned and its checked header value; the same key is not rechecked.
   */
  private volatile Checked last;

  private record Checked(String key, String header) {}

  /** Creates the interceptor for the API at {@code baseUrl}. */
  public AuthInterceptor(Supplier<String> credentials, HttpUrl baseUrl) {
    this.credentials = credentials;
    this.origin = baseUrl;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!sameOrigin(request.url())) {
      return chain.proceed(request);
    }
    return chain.proceed(
        request
            .newBuilder()
            .header("Authorization", authorization())
            .header("User-Agent", Version.USER_AGENT)
            .build());
  }

  private boolean sameOrigin(HttpUrl url) {
    return url.scheme().equals(origin.scheme())
        && url.host().equals(origin.host())
        && url.port() == origin.port();
  }

  private String authorization() {
    String key = credentials.get();
    Checked checked = last;
    if (checked != null && checked.key() == key) { // the same instance: already checked
      return checked.header();
    }
    String header = "Bearer " + check(key);
    last = new Checked(key, header);
    return header;
  }

  private static String check(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalStateException(
          "the credentials supplier returned no API key; it must return a non-blank key");
    }
    key = key.strip();
    String problem = ApiKeys.problem(key);
    if (problem != null) {
      throw new IllegalStateException(
          "the credentials supplier returned an API key that cannot be sent in an HTTP header: "
              + problem
              + "; it must return the key from the Clavata console, check how it was loaded");
    }
    return key;
  }
}
