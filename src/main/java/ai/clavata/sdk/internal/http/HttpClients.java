package ai.clavata.sdk.internal.http;

import ai.clavata.sdk.events.LogLevel;
import ai.clavata.sdk.internal.Timing;
import ai.clavata.sdk.internal.logging.ClavataLog;
import java.time.Duration;
import java.util.List;
import okhttp3.Authenticator;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * Builds the SDK's two OkHttp clients on the caller's settings (pool, dispatcher, socket factory,
 * timeouts). Both hand every retry and redirect decision to the SDK: OkHttp's connection-failure
 * retries, redirects and authenticator are off, its 503 follow-up is hidden by {@link
 * FollowUpGuard}, so a POST the server may have processed is never sent twice behind the caller's
 * back.
 *
 * <p>The API client's chain, outermost first:
 *
 * <ol>
 *   <li>{@link RetryInterceptor}: the retry table, and nothing else re-sends;
 *   <li>{@link BufferingInterceptor}: unary bodies read whole, bounded, inside the retries;
 *   <li>the caller's interceptors: they see every attempt, never the API key;
 *   <li>{@link RedirectInterceptor}: the SDK's redirect rules;
 *   <li>{@link AuthInterceptor}: the key, for the API's origin only, on each hop's final URL;
 *   <li>{@link HttpLogging}, at a {@code DEBUG} or {@code TRACE} log level: headers and bodies,
 *       secrets redacted;
 *   <li>{@link FollowUpGuard#RESTORE}, then OkHttp, then the network interceptors {@link
 *       ExchangeFailures} and {@link FollowUpGuard#HIDE}.
 * </ol>
 */
public final class HttpClients {
  private HttpClients() {}

  /**
   * The client for the API.
   *
   * @param base a builder derived from the shared client, with the timeouts set
   * @param retryPolicy what is retried
   * @param timing the clock and sleeper of retries
   * @param callers the caller's interceptors, in the order they were added
   * @param auth adds the key
   * @param events hears each call's attempts
   * @param log the client's log: at {@code DEBUG} or finer, {@link HttpLogging} logs each exchange
   * @return the client
   */
  public static OkHttpClient api(
      OkHttpClient.Builder base,
      RetryPolicy retryPolicy,
      Timing timing,
      List<Interceptor> callers,
      AuthInterceptor auth,
      CallEvents events,
      ClavataLog log) {
    OkHttpClient.Builder builder =
        hardened(base)
            .addInterceptor(new RetryInterceptor(retryPolicy, timing, events))
            .addInterceptor(new BufferingInterceptor());
    callers.forEach(builder::addInterceptor);
    builder.addInterceptor(new RedirectInterceptor()).addInterceptor(auth);
    if (log.level().includes(LogLevel.DEBUG)) {
      builder.addInterceptor(new HttpLogging(log, events.redactor(), true));
    }
    return builder.addInterceptor(FollowUpGuard.RESTORE).build();
  }

  /**
   * The client for presigned storage URLs: the API client's pool and timeouts, none of its
   * interceptors (no key, no {@code User-Agent} of ours, no caller interceptor that might add
   * headers), no call timeout (a file may take long), and retries of its own, since a PUT of the
   * same file and a GET are safe to repeat.
   *
   * @param api the API client
   * @param retryPolicy what is retried
   * @param timing the clock and sleeper of retries
   * @param events hears each call's attempts
   * @param log the client's log
   * @return the client
   */
  public static OkHttpClient storage(
      OkHttpClient api, RetryPolicy retryPolicy, Timing timing, CallEvents events, ClavataLog log) {
    OkHttpClient.Builder builder = api.newBuilder().callTimeout(Duration.ZERO);
    builder.interceptors().clear();
    builder.networkInterceptors().clear();
    hardened(builder)
        .addInterceptor(new RetryInterceptor(retryPolicy, timing, events.forStorage()))
        .addInterceptor(new RedirectInterceptor());
    if (log.level().includes(LogLevel.DEBUG)) {
      builder.addInterceptor(new HttpLogging(log, events.redactor(), false));
    }
    return builder.addInterceptor(FollowUpGuard.RESTORE).build();
  }

  private static OkHttpClient.Builder hardened(OkHttpClient.Builder builder) {
    return builder
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .authenticator(Authenticator.NONE)
        .addNetworkInterceptor(new ExchangeFailures())
        .addNetworkInterceptor(FollowUpGuard.HIDE);
  }
}
