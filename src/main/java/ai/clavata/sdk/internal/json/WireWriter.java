package ai.clavata.sdk.internal.json;

import ai.clavata.sdk.internal.Json;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.Webhook;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Writes request bodies exactly as the API's schema names them: camelCase keys, unset optionals
 * omitted, image bytes base64-encoded, and {@code options} doubly nested ({@code "options":
 * {"options": {...}}}) because the proto wraps the map in a message.
 *
 * <p>The wire shape is spelled out here in one place, so the public types stay free of wire quirks.
 * Bodies are written with a streaming generator straight to bytes, with no tree in between: a
 * stream request of thousands of items and a one-item job alike.
 */
public final class WireWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private WireWriter() {}

  /** Writes one JSON body. */
  @FunctionalInterface
  public interface Body {
    /** Writes the body's fields; the enclosing object is opened and closed by the caller. */
    void writeFields(JsonGenerator json) throws IOException;
  }

  /** A new empty JSON object. */
  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /** The body as UTF-8 JSON bytes. */
  public static byte[] bytes(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
      writeObject(json, body);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a request body", e);
    }
    return out.toByteArray();
  }

  /**
   * Writes the fields shared by CreateJobRequest and EvaluateRequest, in schema order.
   *
   * @param tagKey a metadata key added to every item, or {@code null} for none
   * @param tagOf the tag's value for the item at each position of {@code contentData}
   */
  public static void writeEvaluationFields(
      JsonGenerator json,
      List<ContentData> contentData,
      String tagKey,
      IntFunction<String> tagOf,
      String policyId,
      Double threshold,
      Boolean expedited,
      Map<String, String> options)
      throws IOException {
    json.writeArrayFieldStart("contentData");
    for (int i = 0; i < contentData.size(); i++) {
      writeContentItem(json, contentData.get(i), tagKey, tagKey == null ? null : tagOf.apply(i));
    }
    json.writeEndArray();
    json.writeStringField("policyId", policyId);
    if (threshold != null) {
      json.writeNumberField("threshold", threshold);
    }
    if (expedited != null) {
      json.writeBooleanField("expedited", expedited);
    }
    if (!options.isEmpty()) {
      json.writeObjectFieldStart("options");
      writeStringMap(json, "options", options, null, null);
      json.writeEndObject();
    }
  }

  /** Writes {@code "webhook": {"url": ..., "extraHeaders": {...}}}, headers omitted when empty. */
  public static void writeWebhook(JsonGenerator json, Webhook webhook) throws IOException {
    json.writeObjectFieldStart("webhook");
    json.writeStringField("url", webhook.url());
    if (!webhook.extraHeaders().isEmpty()) {
      writeStringMap(json, "extraHeaders", webhook.extraHeaders(), null, null);
    }
    json.writeEndObject();
  }

  /** Writes {@code "field": {...}}: one content item as an object, as a single-item message has. */
  public static void writeContent(JsonGenerator json, String field, ContentData item)
      throws IOException {
    json.writeFieldName(field);
    writeContentItem(json, item, null, null);
  }

  private static void writeObject(JsonGenerator json, Body body) throws IOException {
    json.writeStartObject();
    body.writeFields(json);
    json.writeEndObject();
  }

  private static void writeContentItem(
      JsonGenerator json, ContentData item, String tagKey, String tag) throws IOException {
    json.writeStartObject();
    byte[] image = item.image();
    if (item.text() != null) {
      json.writeStringField("text", item.text());
    } else if (image != null) {
      json.writeBinaryField("image", image);
    } else if (item.imageUrl() != null) {
      json.writeStringField("imageUrl", item.imageUrl());
    }
    if (!item.metadata().isEmpty() || tagKey != null) {
      writeStringMap(json, "metadata", item.metadata(), tagKey, tag);
    }
    json.writeEndObject();
  }

  private static void writeStringMap(
      JsonGenerator json, String field, Map<String, String> map, String extraKey, String extraValue)
      throws IOException {
    json.writeObjectFieldStart(field);
    for (Map.Entry<String, String> entry : map.entrySet()) {
      json.writeStringField(entry.getKey(), entry.getValue());
    }
    if (extraKey != null) {
      json.writeStringField(extraKey, extraValue);
    }
    json.writeEndObject();
  }
}
