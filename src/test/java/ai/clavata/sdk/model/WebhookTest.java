package ai.clavata.sdk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.com/hooks/clavata",
        "https://example.com",
        "HTTPS://Example.COM/x",
        "https://example.com:8443/a?b=c",
        "https://127.0.0.1/hook"
      })
  void acceptsAbsoluteHttpsUrls(String url) {
    Webhook webhook = Webhook.of(url);
    assertThat(webhook.url()).isEqualTo(url);
    assertThat(webhook.extraHeaders()).isNotNull().isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://example.com/hook",
        "/hooks/clavata",
        "hooks/clavata",
        "example.com/hook",
        "ftp://example.com/hook",
        "https://",
        "https:///path-only",
        "mailto:ops@example.com",
        "garbage",
        "not a url at all",
        "https://exa mple.com/hook",
        "::::",
        "",
        "   "
      })
  void rejectsAnythingButAbsoluteHttpsWithAMessageSayingHttps(String url) {
    assertThatThrownBy(() -> Webhook.of(url))
        .isInstanceOf(IllegalArgumentException.class)
        // The message must explain the rule, not merely echo a URL that happens to contain "https".
        .satisfies(e -> assertThat(withoutEchoedUrl(e.getMessage(), url)).contains("https"));
  }

  /** The message without its last echo of {@code url}, so an echoed "https" does not count. */
  private static String withoutEchoedUrl(String message, String url) {
    int at = url.isEmpty() ? -1 : message.lastIndexOf(url);
    return at < 0 ? message : message.substring(0, at) + message.substring(at + url.length());
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> Webhook.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("url");
  }

  @Test
  void withHeaderAddsInOrderAndLeavesTheOriginalUnchanged() {
    Webhook original = Webhook.of("https://example.com/hook");
    Webhook withHeaders = original.withHeader("Token", "s3cr3t").withHeader("Account", "acme");

    assertThat(withHeaders.extraHeaders())
        .containsExactly(entry("Token", "s3cr3t"), entry("Account", "acme"));
    assertThat(withHeaders.url()).isEqualTo("https://example.com/hook");
    assertThat(original.extraHeaders()).isEmpty();
    assertThat(original.withHeader("Token", "a").withHeader("Token", "b").extraHeaders())
        .containsExactly(entry("Token", "b"));
  }

  @Test
  void headersAreImmutableAndCopied() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("A", "1");
    Webhook webhook = new Webhook("https://example.com", headers);
    headers.put("B", "2");
    assertThat(webhook.extraHeaders()).containsExactly(entry("A", "1"));
    assertThatThrownBy(() -> webhook.extraHeaders().put("C", "3"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(new Webhook("https://example.com", null).extraHeaders()).isEmpty();
  }

  @Test
  void withHeaderRejectsNulls() {
    Webhook webhook = Webhook.of("https://example.com");
    assertThatThrownBy(() -> webhook.withHeader(null, "v"))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("header name");
    assertThatThrownBy(() -> webhook.withHeader("Token", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("Token");
  }

  @Test
  void toStringShowsHeaderNamesButNotValues() {
    String shown =
        Webhook.of("https://example.com/hook")
            .withHeader("Token", "s3cr3t-value")
            .withHeader("Signature", "sig-abc123")
            .toString();
    assertThat(shown).contains("https://example.com/hook").contains("Token").contains("Signature");
    assertThat(shown).doesNotContain("s3cr3t-value").doesNotContain("sig-abc123");
  }

  @Test
  void equalityIsByValue() {
    assertThat(Webhook.of("https://example.com").withHeader("A", "1"))
        .isEqualTo(Webhook.of("https://example.com").withHeader("A", "1"))
        .isNotEqualTo(Webhook.of("https://example.com").withHeader("A", "2"));
  }

  @Test
  void plainHttpIsAcceptedOnlyForLoopbackHosts() {
    assertThat(Webhook.of("http://127.0.0.1:8080/hook").url()).startsWith("http://127.0.0.1");
    assertThat(Webhook.of("http://localhost/hook").url()).startsWith("http://localhost");
    assertThat(Webhook.of("http://[::1]:9/hook").url()).startsWith("http://[::1]");
    for (String remote : new String[] {"http://127.evil.example/hook", "http://10.0.0.1/hook"}) {
      assertThatThrownBy(() -> Webhook.of(remote))
          .as(remote)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("plain http only to a loopback host");
    }
  }

  @Test
  void headerNamesMustBeTokensAndValuesOnOneLine() {
    Webhook webhook = Webhook.of("https://example.com");
    assertThat(webhook.withHeader("X-Custom_1.ok", "value with spaces").extraHeaders())
        .containsKey("X-Custom_1.ok");
    assertThatThrownBy(() -> webhook.withHeader("Bad Name", "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Bad Name'")
        .hasMessageContaining("U+0020 at index 3");
    assertThatThrownBy(() -> webhook.withHeader("Bad:Name", "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("':' at index 3");
    assertThatThrownBy(() -> webhook.withHeader("", "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be empty");
    assertThatThrownBy(() -> webhook.withHeader("Token", "abc\r\nX-Injected: 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("control character U+000D at index 3")
        .hasMessageNotContaining("abc");
  }
}
