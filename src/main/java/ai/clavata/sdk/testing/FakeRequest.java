package ai.clavata.sdk.testing;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request a {@link FakeClavataServer} received, for assertions. The API key is redacted from the
 * headers.
 *
 * @param method the HTTP method
 * @param path the decoded path, such as {@code /v1/jobs}
 * @param query the raw query string, or empty
 * @param headers the headers, names in lower case
 * @param body the body as UTF-8 text
 */
public record FakeRequest(
    String method, String path, String query, Map<String, List<String>> headers, String body) {

  /** The request as recorded: the API key in any header value is replaced by [REDACTED]. */
  static FakeRequest of(FakeExchange exchange, String apiKey) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange
        .exchange
        .getRequestHeaders()
        .forEach(
            (name, values) ->
                headers.put(
                    name.toLowerCase(Locale.ROOT),
                    values.stream().map(value -> value.replace(apiKey, "[REDACTED]")).toList()));
    String query = exchange.exchange.getRequestURI().getRawQuery();
    return new FakeRequest(
        exchange.method,
        exchange.path,
        query == null ? "" : query,
        Map.copyOf(headers),
        new String(exchange.body, StandardCharsets.UTF_8));
  }

  /**
   * The first value of a header.
   *
   * @param name the header name, in any case
   * @return the value, if present
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
