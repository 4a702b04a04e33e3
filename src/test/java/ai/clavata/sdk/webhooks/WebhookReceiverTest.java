package ai.clavata.sdk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.model.JobStatus;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WebhookReceiverTest {
  private static final String SECRET = "s3cret-0123456789abcdef";

  private static java.util.function.Function<String, String> headers(Map<String, String> map) {
    TreeMap<String, String> ignoringCase = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    ignoringCase.putAll(map);
    return ignoringCase::get;
  }

  @Test
  void theSecretIsReadFromTheXWebhookHeader() {
    WebhookReceiver receiver = WebhookReceiver.withSharedSecret("Token", SECRET);
    assertThat(receiver.headerName()).isEqualTo("X-Webhook-Token");
    assertThat(receiver.isAuthentic(headers(Map.of("x-webhook-token", SECRET)))).isTrue();
    assertThat(receiver.isAuthentic(headers(Map.of("X-Webhook-Token", SECRET + "x")))).isFalse();
    assertThat(receiver.isAuthentic(headers(Map.of("X-Webhook-Token", "")))).isFalse();
    assertThat(receiver.isAuthentic(headers(Map.of("Token", SECRET)))).isFalse();
    assertThat(receiver.isAuthentic(headers(Map.of()))).isFalse();
    assertThat(WebhookReceiver.withSharedSecret("X-Webhook-Token", SECRET).headerName())
        .isEqualTo("X-Webhook-Token");
  }

  @Test
  void aWeakSecretOrBlankNameIsRefused() {
    assertThatThrownBy(() -> WebhookReceiver.withSharedSecret("Token", "short"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 16")
        .hasMessageNotContaining("short");
    assertThatThrownBy(() -> WebhookReceiver.withSharedSecret(" ", SECRET))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringNeverShowsTheSecret() {
    assertThat(WebhookReceiver.withSharedSecret("Token", SECRET).orSecret(SECRET + "2").toString())
        .isEqualTo("WebhookReceiver[X-Webhook-Token, 2 secret(s)]");
  }

  @Test
  void theBareJobAndTheEnvelopeBothParse() {
    String job = "{\"jobUuid\":\"j1\",\"status\":\"JOB_STATUS_COMPLETED\",\"surprise\":1}";
    assertThat(WebhookReceiver.parseJob(job).jobUuid()).isEqualTo("j1");
    assertThat(WebhookReceiver.parseJob("{\"job\":" + job + "}").status())
        .isEqualTo(JobStatus.COMPLETED);
    assertThat(WebhookReceiver.parseJob("{\"jobUuid\":\"j2\",\"status\":3}").status())
        .isEqualTo(JobStatus.COMPLETED);
  }

  @Test
  void aBodyThatIsNoJobIsADecodeError() {
    assertThatThrownBy(() -> WebhookReceiver.parseJob("not json"))
        .isInstanceOf(ClavataDecodeException.class)
        .hasMessageContaining("the webhook body");
    assertThatThrownBy(() -> WebhookReceiver.parseJob("[1,2]"))
        .isInstanceOf(ClavataDecodeException.class)
        .hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> WebhookReceiver.parseJob("{\"status\":\"JOB_STATUS_COMPLETED\"}"))
        .isInstanceOf(ClavataDecodeException.class)
        .hasMessageContaining("no jobUuid");
  }
}
