package ai.clavata.sdk.internal.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps OkHttp from answering a 503 by itself. OkHttp's follow-up logic re-sends any request whose
 * 503 says {@code Retry-After: 0}, POSTs included, and fails with a raw {@code
 * NumberFormatException} on a {@code Retry-After} beyond {@code Integer.MAX_VALUE}. Every retry
 * decision belongs to {@link RetryInterceptor}, so the {@link #HIDE} network interceptor renames
 * the header of a 503 before OkHttp looks at it, and {@link #RESTORE}, the last application
 * interceptor, puts it back before anyone else sees the response.
 *
 * <p>The other follow-ups are turned off on the client itself: redirects (see {@link
 * RedirectInterceptor}), 408 re-sends (they need {@code retryOnConnectionFailure}), and
 * authenticator re-sends.
 */
public final class FollowUpGuard implements Interceptor {
  /** The network interceptor, closest to the server. */
  public static final FollowUpGuard HIDE = new FollowUpGuard(true);

  /** The application interceptor, closest to OkHttp's own follow-up logic. */
  public static final FollowUpGuard RESTORE = new FollowUpGuard(false);

  static final String HIDDEN = "Clavata-Sdk-Hidden-Retry-After";
  private static final String RETRY_AFTER = "Retry-After";

  private final boolean hide;

  private FollowUpGuard(boolean hide) {
    this.hide = hide;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    return hide ? rename(response, RETRY_AFTER, HIDDEN) : rename(response, HIDDEN, RETRY_AFTER);
  }

  private static Response rename(Response response, String from, String to) {
    if (response.code() != 503) {
      return response;
    }
    var values = response.headers(from);
    if (values.isEmpty()) {
      return response;
    }
    Response.Builder renamed = response.newBuilder().removeHeader(from);
    values.forEach(value -> renamed.addHeader(to, value));
    return renamed.build();
  }
}
