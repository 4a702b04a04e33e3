package ai.clavata.sdk.testing;

import ai.clavata.sdk.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One request being answered by the fake server: its parsed parts and the ways to reply. */
final class FakeExchange {
  final HttpExchange exchange;
  final String method;
  final String path;
  final Map<String, List<String>> query;
  final byte[] body;

  FakeExchange(HttpExchange exchange, byte[] body) {
    this.exchange = exchange;
    this.method = exchange.getRequestMethod();
    this.path = exchange.getRequestURI().getPath();
    this.query = parseQuery(exchange.getRequestURI().getRawQuery());
    this.body = body;
  }

  String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  String queryValue(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  List<String> queryValues(String name) {
    return query.getOrDefault(name, List.of());
  }

  /** The body as JSON; an empty body reads as {@code {}}, as the gateway allows. */
  JsonNode json() throws IOException {
    return body.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(body);
  }

  void sendJson(int status, JsonNode json) throws IOException {
    send(status, "application/json", Json.MAPPER.writeValueAsBytes(json));
  }

  /** A {@code google.rpc.Status} error body, as the gateway writes for unary calls. */
  void sendStatus(int httpStatus, int grpcCode, String message) throws IOException {
    JsonNode status =
        Json.MAPPER
            .createObjectNode()
            .put("code", grpcCode)
            .put("message", message)
            .set("details", Json.MAPPER.createArrayNode());
    sendJson(httpStatus, status);
  }

  void send(int status, String contentType, byte[] bytes) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, List<String>> parseQuery(String raw) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return query;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
