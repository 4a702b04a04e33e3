package ai.clavata.sdk.stream;

import static ai.clavata.sdk.TestResponses.ok;
import static ai.clavata.sdk.stream.StreamFixtures.KEY;
import static ai.clavata.sdk.stream.StreamFixtures.errorLine;
import static ai.clavata.sdk.stream.StreamFixtures.request;
import static ai.clavata.sdk.stream.StreamFixtures.result;
import static ai.clavata.sdk.stream.StreamFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.errors.StreamInterruptedException;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.EvaluationResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Correlation of results to inputs through the reserved metadata key, and without it. */
@Timeout(60)
class StreamCorrelationTest extends StreamTestBase {
  @Test
  void outOfOrderResultsCarryTheirInputIndexAndInput() {
    EvaluateRequest request =
        EvaluateRequest.builder()
            .policyId("p")
            .addContent(ContentData.text("zero"))
            .addContent(ContentData.imageUrl("https://example.com/one.png"))
            .addContent(ContentData.text("two").withMetadata("post", "2"))
            .build();
    server.enqueue(
        ok(
            result(2, Map.of("post", "2"), "k")
                + result(0, Map.of(), "k")
                + result(1, Map.of(), "k")));
    List<EvaluationResult> results = collect(request);
    assertThat(indexes(results)).containsExactly(2, 0, 1);
    for (EvaluationResult r : results) {
      assertThat(r.input()).isSameAs(request.contentData().get(r.inputIndex()));
      assertThat(r.jobUuid()).isEqualTo("job-1");
      assertThat(r.contentHash()).isEqualTo("md5::" + r.inputIndex());
    }
    assertThat(results.get(0).input().text()).isEqualTo("two");
    assertThat(results.get(2).input().imageUrl()).isEqualTo("https://example.com/one.png");
  }

  @Test
  void theReservedKeyIsRemovedButTheCallersMetadataStays() {
    server.enqueue(ok(result(1, Map.of("mine", "x", "other", "y"), "k") + result(0)));
    List<EvaluationResult> results = collect(request(2).build());
    assertThat(results.get(0).report().contentMetadata())
        .containsExactlyInAnyOrderEntriesOf(Map.of("mine", "x", "other", "y"));
    assertThat(results.get(1).report().contentMetadata()).containsExactly(Map.entry("mine", "x"));
  }

  @Test
  void withoutCorrelationNothingIsTaggedAndIndexesAreUnknown() throws Exception {
    EvaluateRequest request =
        EvaluateRequest.builder()
            .policyId("p")
            .addContent(ContentData.text("a"))
            .addContent(ContentData.text("b").withMetadata("mine", "x"))
            .correlateInputs(false)
            .build();
    server.enqueue(ok(result(null, Map.of("mine", "x"), "k") + result(null, Map.of(), "k")));
    List<EvaluationResult> results = collect(request);
    assertThat(results).hasSize(2);
    assertThat(results).extracting(EvaluationResult::inputIndex).containsOnly(-1);
    assertThat(results).extracting(EvaluationResult::input).containsOnlyNulls();
    assertThat(results.get(0).report().contentMetadata()).containsExactly(Map.entry("mine", "x"));

    String sent = server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8();
    assertThat(sent).doesNotContain(KEY);
    assertThat(StreamFixtures.JSON.readTree(sent))
        .isEqualTo(
            StreamFixtures.JSON.readTree(
                "{\"contentData\":[{\"text\":\"a\"},{\"text\":\"b\",\"metadata\":{\"mine\":\"x\"}}],"
                    + "\"policyId\":\"p\"}"));
  }

  @Test
  void withoutCorrelationAnErrorLineReportsNoUnansweredInputs() {
    server.enqueue(ok(result(null, Map.of(), "k") + errorLine(status(14, "busy"))));
    StreamInterruptedException e;
    try (EvaluationStream stream =
        client.stream().evaluate(request(3).correlateInputs(false).build())) {
      e = catchThrowableOfType(StreamInterruptedException.class, stream::toList);
    }
    assertThat(e.resultsReceived()).isEqualTo(1);
    assertThat(e.unansweredInputs()).isEmpty();
  }

  @Test
  void aCorrelatedStreamThatEndsWithInputsUnansweredIsNotSilentlyShorter() {
    server.enqueue(ok(result(1)));
    StreamInterruptedException e;
    try (EvaluationStream stream = client.stream().evaluate(request(3).build())) {
      e = catchThrowableOfType(StreamInterruptedException.class, stream::toList);
    }
    assertThat(e).isNotNull();
    assertThat(e.getCause()).isInstanceOf(ClavataDecodeException.class);
    assertThat(e.resultsReceived()).isEqualTo(1);
    assertThat(e.unansweredInputs()).containsExactly(0, 2);
  }

  @Test
  void anItemUsingTheReservedKeyIsRejectedLocally() {
    EvaluateRequest.Builder builder =
        EvaluateRequest.builder()
            .policyId("p")
            .addContent(ContentData.text("a"))
            .addContent(ContentData.text("b").withMetadata(KEY, "7"));
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contentData[1]")
        .hasMessageContaining(KEY);
    // Without correlation the key is the caller's own.
    assertThat(builder.correlateInputs(false).build().contentData().get(1).metadata())
        .containsEntry(KEY, "7");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void invalidRequestsAreRejectedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> EvaluateRequest.builder().addContent(ContentData.text("a")).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EvaluateRequest.builder().policyId("p").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> request(1).threshold(1.5).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> request(1).idleTimeout(Duration.ofMillis(-1)).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.stream().evaluate(null))
        .isInstanceOf(NullPointerException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void theRequestBodyIsExactlyTheSchema() throws Exception {
    EvaluateRequest request =
        EvaluateRequest.builder()
            .policyId("policy-uuid")
            .addContent(ContentData.text("hello").withMetadata("mine", "x"))
            .addContent(ContentData.imageUrl("https://example.com/b.png"))
            .addContent(ContentData.image(new byte[] {1, 2, 3}))
            .threshold(0.7)
            .expedited(true)
            .option("mode", "fast")
            .idleTimeout(Duration.ofSeconds(5))
            .build();
    server.enqueue(ok(result(0) + result(1) + result(2)));
    assertThat(collect(request)).hasSize(3);

    RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(recorded.getMethod()).isEqualTo("POST");
    assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v1/jobs/stream");
    assertThat(recorded.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(recorded.getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + TestClients.API_KEY);
    JsonNode expected =
        StreamFixtures.JSON.readTree(
            "{\"contentData\":["
                + "{\"text\":\"hello\",\"metadata\":{\"mine\":\"x\",\""
                + KEY
                + "\":\"0\"}},"
                + "{\"imageUrl\":\"https://example.com/b.png\",\"metadata\":{\""
                + KEY
                + "\":\"1\"}},"
                + "{\"image\":\"AQID\",\"metadata\":{\""
                + KEY
                + "\":\"2\"}}],"
                + "\"policyId\":\"policy-uuid\","
                + "\"threshold\":0.7,"
                + "\"expedited\":true,"
                + "\"options\":{\"options\":{\"mode\":\"fast\"}}}");
    assertThat(StreamFixtures.body(recorded)).isEqualTo(expected);
  }
}
