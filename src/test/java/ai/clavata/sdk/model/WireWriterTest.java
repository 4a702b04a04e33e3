package ai.clavata.sdk.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clavata.sdk.internal.Json;
import ai.clavata.sdk.internal.json.WireWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Request bodies compared structurally with the JSON the schema expects. Bodies are compared in
 * their wire form (serialized with the shared mapper, as the transport does, and read back), so
 * that binary nodes are compared as the base64 text the server receives.
 */
class WireWriterTest {

  private static JsonNode expected(String json) throws Exception {
    return Json.MAPPER.readTree(json);
  }

  private static JsonNode wire(ObjectNode body) throws Exception {
    return Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(body));
  }

  /** The shared evaluation fields as the SDK writes them, read back as a tree. */
  private static ObjectNode evaluationBody(
      List<ContentData> contentData,
      String policyId,
      Double threshold,
      Boolean expedited,
      Map<String, String> options)
      throws IOException {
    byte[] bytes =
        WireWriter.bytes(
            json ->
                WireWriter.writeEvaluationFields(
                    json, contentData, null, null, policyId, threshold, expedited, options));
    return (ObjectNode) Json.MAPPER.readTree(bytes);
  }

  /** The webhook object as the SDK writes it. */
  private static ObjectNode webhook(Webhook webhook) throws IOException {
    byte[] bytes = WireWriter.bytes(json -> WireWriter.writeWebhook(json, webhook));
    return (ObjectNode) Json.MAPPER.readTree(bytes).get("webhook");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void textWithMetadata() throws Exception {
    ObjectNode body =
        evaluationBody(
            List.of(
                ContentData.text("hello").withMetadata("postId", "42").withMetadata("lang", "en")),
            "policy-1",
            null,
            null,
            Map.of());

    assertThat(wire(body))
        .isEqualTo(
            expected(
                """
        {"contentData": [{"text": "hello", "metadata": {"postId": "42", "lang": "en"}}],
         "policyId": "policy-1"}
        """));
    assertThat(body)
        .isEqualTo(
            expected(
                """
        {"contentData": [{"text": "hello", "metadata": {"postId": "42", "lang": "en"}}],
         "policyId": "policy-1"}
        """));
    assertThat(fieldNames(body.get("contentData").get(0).get("metadata")))
        .containsExactly("postId", "lang");
  }

  @Test
  void imageIsStandardPaddedBase64() throws Exception {
    // 0xFB 0xFF encodes to "+/8=": standard alphabet ('+', '/', not '-', '_') and '=' padding.
    ObjectNode body =
        evaluationBody(
            List.of(ContentData.image(new byte[] {(byte) 0xFB, (byte) 0xFF})),
            "p",
            null,
            null,
            Map.of());

    assertThat(wire(body))
        .isEqualTo(
            expected(
                """
        {"contentData": [{"image": "+/8="}], "policyId": "p"}
        """));
  }

  @Test
  void largeImageHasNoLineBreaks() throws Exception {
    byte[] bytes = new byte[3000];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31 + 7);
    }
    ObjectNode body =
        evaluationBody(
            List.of(ContentData.image(bytes).withMetadata("k", "v")), "p", null, null, Map.of());

    String encoded = Base64.getEncoder().encodeToString(bytes);
    assertThat(wire(body))
        .isEqualTo(
            expected(
                "{\"contentData\": [{\"image\": \""
                    + encoded
                    + "\", \"metadata\": {\"k\": \"v\"}}], \"policyId\": \"p\"}"));
    assertThat(Json.MAPPER.writeValueAsString(body)).doesNotContain("\\n").doesNotContain("\\r");
  }

  @Test
  void imageUrl() throws Exception {
    ObjectNode body =
        evaluationBody(
            List.of(ContentData.imageUrl("https://example.com/cat.png")),
            "p",
            null,
            null,
            Map.of());

    assertThat(wire(body))
        .isEqualTo(
            expected(
                """
        {"contentData": [{"imageUrl": "https://example.com/cat.png"}], "policyId": "p"}
        """));
  }

  @Test
  void severalItemsKeepTheirOrderAndKinds() throws Exception {
    ObjectNode body =
        evaluationBody(
            List.of(
                ContentData.text("a"),
                ContentData.imageUrl("http://x.test/b.png"),
                ContentData.image(new byte[] {1, 2, 3}),
                ContentData.text("d").withMetadata("i", "3")),
            "p",
            null,
            null,
            Map.of());

    assertThat(wire(body))
        .isEqualTo(
            expected(
                """
        {"contentData": [
           {"text": "a"},
           {"imageUrl": "http://x.test/b.png"},
           {"image": "AQID"},
           {"text": "d", "metadata": {"i": "3"}}],
         "policyId": "p"}
        """));
  }

  @Test
  void thresholdAndExpeditedAreWrittenWhenSet() throws Exception {
    ObjectNode body = evaluationBody(List.of(ContentData.text("a")), "p", 0.7, true, Map.of());

    assertThat(wire(body))
        .isEqualTo(
            expected(
                """
        {"contentData": [{"text": "a"}], "policyId": "p", "threshold": 0.7, "expedited": true}
        """));
    assertThat(fieldNames(body))
        .containsExactly("contentData", "policyId", "threshold", "expedited");
  }

  @Test
  void falseAndZeroAreWrittenBecauseTheyAreSet() throws Exception {
    ObjectNode body = evaluationBody(List.of(ContentData.text("a")), "p", 0.0, false, Map.of());

    assertThat(wire(body))
        .isEqualTo(
            expected(
                """
        {"contentData": [{"text": "a"}], "policyId": "p", "threshold": 0.0, "expedited": false}
        """));
  }

  @Test
  void thresholdAndExpeditedAreOmittedWhenNull() throws Exception {
    ObjectNode body = evaluationBody(List.of(ContentData.text("a")), "p", null, null, Map.of());

    assertThat(wire(body))
        .isEqualTo(
            expected(
                """
        {"contentData": [{"text": "a"}], "policyId": "p"}
        """));
    assertThat(body.has("threshold")).isFalse();
    assertThat(body.has("expedited")).isFalse();
    assertThat(Json.MAPPER.writeValueAsString(body)).doesNotContain("null");
  }

  @Test
  void optionsAreDoublyNested() throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("expedited", "true");
    options.put("custom", "x");
    ObjectNode body = evaluationBody(List.of(ContentData.text("a")), "p", 0.5, null, options);

    assertThat(wire(body))
        .isEqualTo(
            expected(
                """
        {"contentData": [{"text": "a"}], "policyId": "p", "threshold": 0.5,
         "options": {"options": {"expedited": "true", "custom": "x"}}}
        """));
    assertThat(fieldNames(body)).containsExactly("contentData", "policyId", "threshold", "options");
  }

  @Test
  void optionsAreOmittedWhenEmpty() throws Exception {
    ObjectNode body = evaluationBody(List.of(ContentData.text("a")), "p", null, true, Map.of());

    assertThat(wire(body))
        .isEqualTo(
            expected(
                """
        {"contentData": [{"text": "a"}], "policyId": "p", "expedited": true}
        """));
    assertThat(body.has("options")).isFalse();
  }

  @Test
  void webhookWithAndWithoutHeaders() throws Exception {
    assertThat(wire(webhook(Webhook.of("https://example.com/hook"))))
        .isEqualTo(expected("{\"url\": \"https://example.com/hook\"}"));
    assertThat(wire(webhook(Webhook.of("https://example.com/hook").withHeader("Token", "t"))))
        .isEqualTo(
            expected(
                "{\"url\": \"https://example.com/hook\", \"extraHeaders\": {\"Token\": \"t\"}}"));
  }
}
