package ai.clavata.sdk.internal.http;

import ai.clavata.sdk.errors.ClavataDecodeException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import okhttp3.HttpUrl;

/**
 * The SDK's rules for URLs: a configured base URL and the presigned URLs the server hands out must
 * be http(s), and plain http is allowed only to loopback hosts; messages show URLs without their
 * query strings.
 */
public final class Urls {
  private Urls() {}

  /**
   * The parsed base URL.
   *
   * @throws IllegalArgumentException if it is not a valid http(s) URL, carries a query or fragment,
   *     or uses plain http to a host other than loopback
   */
  public static HttpUrl parse(String baseUrl) {
    HttpUrl url = HttpUrl.parse(baseUrl.strip());
    if (url == null) {
      throw new IllegalArgumentException(
          "baseUrl is not a valid http(s) URL: '"
              + baseUrl
              + "'; expected something like https://gateway.app.clavata.ai:8443");
    }
    if (url.query() != null || url.fragment() != null) {
      throw new IllegalArgumentException(
          "baseUrl must not have a query or fragment, but was: " + baseUrl);
    }
    if (url.scheme().equals("http") && !isLoopback(url.host())) {
      throw new IllegalArgumentException(
          "baseUrl uses plain http to "
              + url.host()
              + ", which would send the API key unencrypted;"
              + " use https (plain http is allowed only for loopback hosts such as localhost)");
    }
    return url;
  }

  /**
   * A URL the server sent for the SDK to call (a presigned storage URL), checked before anything
   * connects to it.
   *
   * @param url the URL as the server sent it
   * @param field the field it came in, for the message
   * @return the parsed URL
   * @throws ClavataDecodeException if it is not an http(s) URL, or is plain http to a host other
   *     than loopback
   */
  public static HttpUrl presigned(String url, String field) {
    HttpUrl parsed = url == null ? null : HttpUrl.parse(url.strip());
    if (parsed == null) {
      String shown = url == null ? "nothing" : "'" + withoutQuery(url) + "'";
      throw new ClavataDecodeException(
          "the " + field + " the server sent: it must be an http(s) URL, but it was " + shown,
          0,
          "",
          null);
    }
    if (parsed.scheme().equals("http") && !isLoopback(parsed.host())) {
      throw new ClavataDecodeException(
          "the "
              + field
              + " the server sent: it is plain http to "
              + parsed.host()
              + ", and the SDK sends batch files only over https (plain http only to loopback"
              + " hosts); it was '"
              + withoutQuery(parsed)
              + "'",
          0,
          "",
          null);
    }
    return parsed;
  }

  /** The URL without its query and fragment: what may be shown in a message or a log. */
  public static String withoutQuery(HttpUrl url) {
    return url.newBuilder().query(null).fragment(null).build().toString();
  }

  /** The text of a URL up to its query or fragment, for URLs that do not even parse. */
  static String withoutQuery(String url) {
    int end = url.length();
    for (char c : new char[] {'?', '#'}) {
      int at = url.indexOf(c);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    String shown = url.substring(0, end).strip();
    return shown.length() <= 200 ? shown : shown.substring(0, 200) + "…";
  }

  /** Whether a host names this machine without a DNS lookup. */
  static boolean isLoopback(String host) {
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      return true;
    }
    boolean ipLiteral = host.contains(":") || host.matches("[0-9.]+");
    if (!ipLiteral) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress(); // a literal: no DNS lookup
    } catch (UnknownHostException notAnAddress) {
      return false;
    }
  }
}
