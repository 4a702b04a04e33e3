package ai.clavata.sdk.internal.http;

import ai.clavata.sdk.events.LogLevel;
import ai.clavata.sdk.internal.logging.ClavataLog;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * The {@code DEBUG} and {@code TRACE} log lines of each exchange: headers, with every header that
 * carries a secret redacted and the key masked in the rest, and, at {@code TRACE}, bodies up to
 * {@value #MAX_BODY} bytes with the key masked. A result stream's or a file's body is not read here
 * (a stream is summarized when it ends), and a presigned URL is logged without its query, the
 * signature.
 *
 * <p>It sits after authentication, so it shows the headers as they are sent, and runs for each
 * attempt and each redirect hop. The client installs it only at {@code DEBUG} or finer.
 */
public final class HttpLogging implements Interceptor {
  /** The most of a body logged. */
  static final int MAX_BODY = 4096;

  private static final Set<String> SECRET_HEADERS =
      Set.of(
          "authorization",
          "proxy-authorization",
          "cookie",
          "set-cookie",
          "x-api-key",
          "x-amz-security-token");

  private final ClavataLog log;
  private final Redactor redactor;
  private final boolean showQuery;

  /**
   * Creates the interceptor.
   *
   * @param log where lines go
   * @param redactor masks the key
   * @param showQuery whether URLs are logged with their query (not for presigned URLs)
   */
  public HttpLogging(ClavataLog log, Redactor redactor, boolean showQuery) {
    this.log = log;
    this.redactor = redactor;
    this.showQuery = showQuery;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    log.log(
        LogLevel.DEBUG,
        () -> "--> " + request.method() + " " + url(request.url()) + headers(request.headers()));
    if (request.body() != null && log.logs(LogLevel.TRACE)) {
      String body = requestBody(request.body());
      log.log(LogLevel.TRACE, () -> "--> body of " + request.method() + " " + path(request) + body);
    }
    Response response = chain.proceed(request);
    log.log(
        LogLevel.DEBUG,
        () ->
            "<-- "
                + response.code()
                + " "
                + request.method()
                + " "
                + path(request)
                + headers(response.headers()));
    if (log.logs(LogLevel.TRACE)) {
      String body = responseBody(request, response);
      log.log(LogLevel.TRACE, () -> "<-- body of " + request.method() + " " + path(request) + body);
    }
    return response;
  }

  private String url(HttpUrl url) {
    return showQuery ? redactor.redact(url.toString()) : Urls.withoutQuery(url);
  }

  private static String path(Request request) {
    return request.url().encodedPath();
  }

  private String headers(Headers headers) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String value =
          SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))
              ? "██"
              : redactor.redact(headers.value(i));
      out.append("\n    ").append(name).append(": ").append(value);
    }
    return out.toString();
  }

  private String requestBody(RequestBody body) throws IOException {
    long length = body.contentLength();
    if (body.isOneShot() || length < 0 || length > MAX_BODY) {
      return " (" + (length < 0 ? "unknown length" : length + " bytes") + ", not shown)";
    }
    Buffer copy = new Buffer();
    body.writeTo(copy);
    return "\n" + redactor.redactExcerpt(copy.readUtf8());
  }

  /**
   * A unary or error body, peeked (not consumed); a stream or a file is not read here, since
   * peeking would wait for its first 4 KB.
   */
  private String responseBody(Request request, Response response) throws IOException {
    if (response.isSuccessful() && request.tag(BufferingInterceptor.Limit.class) == null) {
      return " (a result stream or a file: not shown; a stream is summarized when it ends)";
    }
    String text = response.peekBody(MAX_BODY + 1).string();
    String shown = text.length() > MAX_BODY ? text.substring(0, MAX_BODY) + "…" : text;
    return "\n" + redactor.redactExcerpt(shown);
  }
}
