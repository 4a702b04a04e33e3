package ai.clavata.sdk.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request a {@link FakeClavataServer} received, for assertions. The API key is redacted from
 * the headers.
 *
 * @param method the HTTP method
 * @param path the decoded path, such as {@code /v1/jobs}
 * @param query the raw query string, or empty
 * @param headers the headers, names in lower case
 * @param body the body as UTF-8 text
 */
public record FakeRequest(
    String method, String path, String query, Map<String, List<String>> headers, String body) {

  /**
   * The first value of a header.
   *
   * @param name the header name, in any case
   * @return the value, if present
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
