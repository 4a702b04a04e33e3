package ai.clavata.sdk;

import ai.clavata.sdk.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;

/** Responses and JSON helpers shared by the MockWebServer tests of every package. */
public final class TestResponses {
  private TestResponses() {}

  /** A 200 JSON response. */
  public static MockResponse ok(String body) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  /** A 200 JSON response whose body is written as the test's body object decides. */
  public static MockResponse ok(MockResponseBody body) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  /** A gateway 503 UNAVAILABLE asking to wait {@code retryAfterSeconds}. */
  public static MockResponse unavailable(String retryAfterSeconds) {
    return new MockResponse.Builder()
        .code(503)
        .setHeader("Retry-After", retryAfterSeconds)
        .body("{\"code\":14,\"message\":\"busy\"}")
        .build();
  }

  /** The smallest stream result line (newline included) that answers input {@code index}. */
  public static String resultLine(int index) {
    return "{\"result\":{\"jobUuid\":\"j\",\"policyEvaluationReport\":{\"contentMetadata\":"
        + "{\"clavata-sdk-input-index\":\""
        + index
        + "\"}}}}\n";
  }

  /** JSON text as a tree, for structural comparison. */
  public static JsonNode tree(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
