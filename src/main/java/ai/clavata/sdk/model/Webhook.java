package ai.clavata.sdk.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTPS endpoint the service calls with POST when a job completes, with the job as JSON and each
 * extra header as {@code X-Webhook-<name>}. Plain {@code http} is accepted only for loopback hosts
 * ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}), for receivers tested against {@code
 * FakeClavataServer}. Receive it with {@code ai.clavata.sdk.webhooks.WebhookReceiver}.
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
   * @throws IllegalArgumentException if {@code url} is not an absolute https URL with a host (or
   *     http to a loopback host), or a header name is not an HTTP token or a value holds a line
   *     break or another control character
   */
  public Webhook {
    Objects.requireNonNull(url, "webhook url must not be null");
    requireHttps(url);
    extraHeaders = Copies.map(extraHeaders);
    extraHeaders.forEach(Webhook::requireHeader);
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
    boolean loopbackHttp = scheme.equals("http") && isLoopback(uri.getHost());
    if (!(scheme.equals("https") || loopbackHttp) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "webhook url must be an absolute https:// URL (the API calls only HTTPS webhooks; plain"
              + " http only to a loopback host, for tests), but was: "
              + url);
    }
  }

  private static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost")
        || h.matches("127(\\.\\d{1,3}){3}")
        || h.equals("[::1]")
        || h.equals("::1");
  }

  /** A header name must be an HTTP token; a value must not break the header it is sent in. */
  private static void requireHeader(String name, String value) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a webhook header name must not be empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean token = c > 32 && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
      if (!token) {
        throw new IllegalArgumentException(
            "webhook header name '"
                + name
                + "' holds "
                + (c <= 32 || c >= 127
                    ? "character U+" + String.format(Locale.ROOT, "%04X", (int) c)
                    : "'" + c + "'")
                + " at index "
                + i
                + ": a header name is letters, digits and !#$%&'*+-.^_`|~ only");
      }
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 32 && c != '\t') || c == 127) {
        throw new IllegalArgumentException(
            "the value of webhook header '"
                + name
                + "' holds control character U+"
                + String.format(Locale.ROOT, "%04X", (int) c)
                + " at index "
                + i
                + " (a line break would split the header): remove it");
      }
    }
  }
}
