package ai.clavata.sdk.internal.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import okhttp3.HttpUrl;

/** Checks a configured base URL: absolute, no query, and https unless the host is loopback. */
public final class BaseUrls {
  private BaseUrls() {}

  /**
   * The parsed base URL.
   *
   * @throws IllegalArgumentException if it is not a valid http(s) URL, carries a query or
   *     fragment, or uses plain http to a host other than loopback
   */
  public static HttpUrl parse(String baseUrl) {
    HttpUrl url = HttpUrl.parse(baseUrl.strip());
    if (url == null) {
      throw new IllegalArgumentException(
          "baseUrl is not a valid http(s) URL: '" + baseUrl
              + "'; expected something like https://gateway.app.clavata.ai:8443");
    }
    if (url.query() != null || url.fragment() != null) {
      throw new IllegalArgumentException(
          "baseUrl must not have a query or fragment, but was: " + baseUrl);
    }
    if (url.scheme().equals("http") && !isLoopback(url.host())) {
      throw new IllegalArgumentException(
          "baseUrl uses plain http to " + url.host() + ", which would send the API key unencrypted;"
              + " use https (plain http is allowed only for loopback hosts such as localhost)");
    }
    return url;
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
