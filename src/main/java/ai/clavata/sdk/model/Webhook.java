package ai.clavata.sdk.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTPS endpoint the service calls with POST when a job completes.
 *
 * <pre>{@code
 * Webhook.of("https://example.com/hooks/clavata").withHeader("Token", secret);
 * }</pre>
 *
 * @param url the https URL to call
 * @param extraHeaders headers to send with the call; the service prefixes each name with {@code
 *     X-Webhook-}; never {@code null}
 */
public record Webhook(String url, Map<String, String> extraHeaders) {

  /**
   * Creates a webhook, validating the URL.
   *
   * @param url the https URL to call
   * @param extraHeaders headers to send with the call; the service prefixes each name with {@code
   *     X-Webhook-}; never {@code null}
   * @throws IllegalArgumentException if {@code url} is not an absolute https URL with a host
   */
  public Webhook {
    Objects.requireNonNull(url, "webhook url must not be null");
    requireHttps(url);
    extraHeaders = Copies.map(extraHeaders);
  }

  /**
   * A webhook with no extra headers.
   *
   * @param url the https URL to call
   * @return a new webhook
   */
  public static Webhook of(String url) {
    return new Webhook(url, Map.of());
  }

  /**
   * A copy with one more header; the service sends it as {@code X-Webhook-<name>}.
   *
   * @param name the header name, without the {@code X-Webhook-} prefix
   * @param value the header value
   * @return a new webhook
   */
  public Webhook withHeader(String name, String value) {
    Objects.requireNonNull(name, "header name must not be null");
    Objects.requireNonNull(value, () -> "value of header '" + name + "' must not be null");
    Map<String, String> merged = new LinkedHashMap<>(extraHeaders);
    merged.put(name, value);
    return new Webhook(url, merged);
  }

  /** Shows the header names but not their values, which are often secrets. */
  @Override
  public String toString() {
    return "Webhook[url=" + url + ", extraHeaders=" + extraHeaders.keySet() + "]";
  }

  private static void requireHttps(String url) {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "webhook url must be an absolute https:// URL, but is not a valid URL: " + url, e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "webhook url must be an absolute https:// URL (the API calls only HTTPS webhooks), but was: "
              + url);
    }
  }
}
