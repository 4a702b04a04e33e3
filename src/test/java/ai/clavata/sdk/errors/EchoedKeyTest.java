package ai.clavata.sdk.errors;

import static ai.clavata.sdk.TestRequests.createJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.MockServerTest;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.stream.EvaluateRequest;
import ai.clavata.sdk.stream.EvaluationStream;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server that echoes the key anywhere (a wrongly typed value, a header, an error detail, a status
 * line) never gets it into anything the SDK exposes: messages, causes, headers, details, refusals.
 */
class EchoedKeyTest extends MockServerTest {
  private static final String KEY = TestClients.API_KEY;

  /** Every message and {@code toString()} along the cause chain, suppressed ones included. */
  private static void assertNoKeyAnywhere(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(KEY);
      assertThat(t.toString()).doesNotContain(KEY);
      for (Throwable suppressed : t.getSuppressed()) {
        assertNoKeyAnywhere(suppressed);
      }
      if (t instanceof ClavataDecodeException decode) {
        assertThat(decode.excerpt()).doesNotContain(KEY);
      }
      if (t instanceof ClavataApiException api) {
        assertThat(api.error().toString()).doesNotContain(KEY);
        assertThat(api.headers().toString()).doesNotContain(KEY);
        assertThat(api.details().toString()).doesNotContain(KEY);
        assertThat(api.requestId().orElse("")).doesNotContain(KEY);
      }
      if (t instanceof ContentRefusedException refused) {
        assertThat(refused.failures().toString()).doesNotContain(KEY);
      }
    }
  }

  private static MockResponse ok(String body) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"threshold", "created", "status"})
  void aKeyEchoedIntoAWronglyTypedValueStaysOutOfTheDecodeError(String field) {
    server.enqueue(
        ok(
            "{\"job\":{\"jobUuid\":\"j1\",\""
                + field
                + "\":{\"x\":\"Bearer "
                + KEY
                + "\"},\""
                + field
                + "\":\"Bearer "
                + KEY
                + "\"}}"));
    server.enqueue(ok("{\"job\":{\"jobUuid\":\"j1\",\"threshold\":\"Bearer " + KEY + "\"}}"));
    for (int i = 0; i < 2; i++) {
      ClavataException e =
          catchThrowableOfType(ClavataException.class, () -> client.jobs().get("j1"));
      assertThat(e).isInstanceOf(ClavataDecodeException.class);
      assertThat(e.getMessage()).contains("[REDACTED]");
      assertNoKeyAnywhere(e);
    }
  }

  @Test
  void aKeyEchoedIntoAStreamLineStaysOutOfTheInterruption() {
    server.enqueue(
        ok("{\"result\":{\"policyEvaluationReport\":{\"threshold\":\"Bearer " + KEY + "\"}}}\n"));
    try (EvaluationStream stream =
        client.stream()
            .evaluate(
                EvaluateRequest.builder()
                    .policyId("p")
                    .addContent(ContentData.text("x"))
                    .build())) {
      StreamInterruptedException e =
          catchThrowableOfType(StreamInterruptedException.class, stream::toList);
      assertThat(e.getCause()).isInstanceOf(ClavataDecodeException.class);
      assertNoKeyAnywhere(e);
    }
  }

  @Test
  void aKeyEchoedIntoHeadersDetailsAndRefusalsIsMaskedEverywhere() {
    server.enqueue(
        new MockResponse.Builder()
            .code(499)
            .addHeader("X-Echo-Authorization", "Bearer " + KEY)
            .addHeader("X-Request-Id", "req-" + KEY)
            .body(
                "{\"code\":1,\"message\":\"refused for "
                    + KEY
                    + "\",\"details\":["
                    + "{\"@type\":\"type.googleapis.com/clavata.gateway.v1.PrecheckFailure\","
                    + "\"type\":\"PRECHECK_FAILURE_TYPE_NCMEC\",\"message\":\"key "
                    + KEY
                    + "\","
                    + "\"details\":\"md5::"
                    + KEY
                    + "\"},"
                    + "{\"@type\":\"debug\",\""
                    + KEY
                    + "\":[\"Bearer "
                    + KEY
                    + "\"]}]}")
            .build());
    ContentRefusedException e =
        catchThrowableOfType(
            ContentRefusedException.class, () -> client.jobs().create(createJob()));
    assertNoKeyAnywhere(e);
    assertThat(e.headers().get("x-echo-authorization")).containsExactly("Bearer [REDACTED]");
    assertThat(e.requestId()).contains("req-[REDACTED]");
    assertThat(e.failures().get(0).message()).isEqualTo("key [REDACTED]");
    assertThat(e.details().get(1)).containsEntry("[REDACTED]", List.of("Bearer [REDACTED]"));
  }

  @Test
  void aKeyEchoedIntoAMalformedStatusLineStaysOutOfTheNetworkError() {
    server.enqueue(new MockResponse.Builder().status("BOGUS " + KEY).build());
    try (ClavataClient once = TestClients.builder(server, timing).maxRetries(0).build()) {
      ClavataIoException e =
          catchThrowableOfType(ClavataIoException.class, () -> once.jobs().get("j1"));
      assertThat(e.getMessage()).contains("[REDACTED]");
      assertNoKeyAnywhere(e);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ck_live\r\nX-Evil: 1",
        "ck_live\nabc",
        "ck_li\u0000ve",
        "ck_clé_live",
        "ck live",
        "ck\tlive"
      })
  void aKeyThatCannotTravelInAHeaderIsRefusedAtBuildWithoutShowingIt(String key) {
    assertThatThrownBy(() -> ClavataClient.builder().apiKey(key).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot be sent in an HTTP header")
        .hasMessageContaining("at index")
        .satisfies(
            e -> assertThat(e.getMessage()).doesNotContain(key.strip()).doesNotContain("live"));
  }
}
