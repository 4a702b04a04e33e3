package ai.clavata.sdk.internal.json;

import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.Webhook;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Writes request bodies exactly as the API's schema names them: camelCase keys, unset optionals
 * omitted, image bytes base64-encoded, and {@code options} doubly nested
 * ({@code "options": {"options": {...}}}) because the proto wraps the map in a message.
 *
 * <p>Bodies are built as trees rather than by serializing the public records, so the wire shape
 * is spelled out here in one place and the public types stay free of wire quirks.
 */
public final class WireWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private WireWriter() {}

  /** A new empty JSON object. */
  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /**
   * The fields shared by CreateJobRequest and EvaluateRequest, in schema order.
   *
   * @param threshold {@code null} to let the server apply its default
   * @param expedited {@code null} to omit
   * @param options extra evaluation options; omitted when empty
   */
  public static ObjectNode evaluationBody(
      List<ContentData> contentData,
      String policyId,
      Double threshold,
      Boolean expedited,
      Map<String, String> options) {
    ObjectNode body = object();
    body.set("contentData", contentData(contentData));
    body.put("policyId", policyId);
    if (threshold != null) {
      body.put("threshold", threshold);
    }
    if (expedited != null) {
      body.put("expedited", expedited);
    }
    if (!options.isEmpty()) {
      body.putObject("options").set("options", stringMap(options));
    }
    return body;
  }

  /** {@code {"url": ..., "extraHeaders": {...}}}, headers omitted when empty. */
  public static ObjectNode webhook(Webhook webhook) {
    ObjectNode node = object().put("url", webhook.url());
    if (!webhook.extraHeaders().isEmpty()) {
      node.set("extraHeaders", stringMap(webhook.extraHeaders()));
    }
    return node;
  }

  static ArrayNode contentData(List<ContentData> items) {
    ArrayNode array = NODES.arrayNode(items.size());
    for (ContentData item : items) {
      array.add(contentItem(item));
    }
    return array;
  }

  static ObjectNode contentItem(ContentData item) {
    ObjectNode node = object();
    byte[] image = item.image();
    if (item.text() != null) {
      node.put("text", item.text());
    } else if (image != null) {
      node.put("image", image);
    } else if (item.imageUrl() != null) {
      node.put("imageUrl", item.imageUrl());
    }
    if (!item.metadata().isEmpty()) {
      node.set("metadata", stringMap(item.metadata()));
    }
    return node;
  }

  static ObjectNode stringMap(Map<String, String> map) {
    ObjectNode node = object();
    map.forEach(node::put);
    return node;
  }
}
