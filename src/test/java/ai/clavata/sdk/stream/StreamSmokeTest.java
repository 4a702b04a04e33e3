package ai.clavata.sdk.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.FakeTiming;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.errors.RateLimitException;
import ai.clavata.sdk.errors.StreamInterruptedException;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.EvaluationResult;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class StreamSmokeTest {
  @StartStop final MockWebServer server = new MockWebServer();

  static String result(int index, String outcome) {
    return "{\"result\":{\"jobUuid\":\"j\",\"contentHash\":\"h"
        + index
        + "\",\"policyEvaluationReport\":{\"contentMetadata\":{\"clavata-sdk-input-index\":\""
        + index
        + "\",\"mine\":\"x\"},\"reviewResult\":{\"outcome\":\""
        + outcome
        + "\",\"score\":0.9}}}}\n";
  }

  static EvaluateRequest request(int items) {
    EvaluateRequest.Builder builder = EvaluateRequest.builder().policyId("p");
    for (int i = 0; i < items; i++) {
      builder.addContent(ContentData.text("item " + i).withMetadata("mine", "x"));
    }
    return builder.build();
  }

  @Test
  void correlatesOutOfOrderResults() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .body(result(1, "OUTCOME_TRUE") + result(0, "OUTCOME_FALSE"))
            .build());
    try (ClavataClient client = TestClients.client(server, new FakeTiming());
        EvaluationStream results = client.stream().evaluate(request(2))) {
      List<EvaluationResult> all = results.toList();
      assertThat(all).extracting(EvaluationResult::inputIndex).containsExactly(1, 0);
      assertThat(all.get(0).input().text()).isEqualTo("item 1");
      assertThat(all.get(0).report().contentMetadata()).containsExactly(Map.entry("mine", "x"));
    }
    String body = server.takeRequest().getBody().utf8();
    assertThat(body)
        .contains("\"clavata-sdk-input-index\":\"0\"", "\"clavata-sdk-input-index\":\"1\"");
  }

  @Test
  void withoutCorrelationTheReportKeepsEveryMetadataKeyAsSent() {
    server.enqueue(new MockResponse.Builder().body(result(0, "OUTCOME_TRUE")).build());
    EvaluateRequest request =
        EvaluateRequest.builder()
            .policyId("p")
            .addContent(ContentData.text("a").withMetadata("clavata-sdk-input-index", "mine"))
            .correlateInputs(false)
            .build();
    try (ClavataClient client = TestClients.client(server, new FakeTiming());
        EvaluationStream results = client.stream().evaluate(request)) {
      EvaluationResult only = results.toList().get(0);
      assertThat(only.inputIndex()).isEqualTo(-1);
      assertThat(only.report().contentMetadata())
          .containsOnlyKeys("clavata-sdk-input-index", "mine");
    }
  }

  @Test
  void errorLineAfterResultsInterruptsWithTheTypedCause() {
    server.enqueue(
        new MockResponse.Builder()
            .body(
                result(2, "OUTCOME_TRUE") + "{\"error\":{\"code\":8,\"message\":\"slow down\"}}\n")
            .build());
    try (ClavataClient client = TestClients.client(server, new FakeTiming());
        EvaluationStream results = client.stream().evaluate(request(3))) {
      assertThatThrownBy(results::toList)
          .isInstanceOfSatisfying(
              StreamInterruptedException.class,
              e -> {
                assertThat(e.getCause()).isInstanceOf(RateLimitException.class);
                assertThat(e.results()).hasSize(1);
                assertThat(e.unansweredInputs()).containsExactly(0, 1);
              });
    }
  }

  @Test
  void resubmitsOnlyTheUnansweredInputs() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .body(result(2, "OUTCOME_TRUE") + "{\"error\":{\"code\":14,\"message\":\"busy\"}}\n")
            .build());
    server.enqueue(
        new MockResponse.Builder()
            .body(result(1, "OUTCOME_TRUE") + result(0, "OUTCOME_TRUE"))
            .build());
    EvaluateRequest request =
        EvaluateRequest.builder()
            .policyId("p")
            .addContent(ContentData.text("a"))
            .addContent(ContentData.text("b"))
            .addContent(ContentData.text("c"))
            .resubmitUnanswered(true)
            .build();
    FakeTiming timing = new FakeTiming();
    try (ClavataClient client = TestClients.client(server, timing);
        EvaluationStream results = client.stream().evaluate(request)) {
      assertThat(results.toList())
          .extracting(EvaluationResult::inputIndex)
          .containsExactly(2, 1, 0);
    }
    server.takeRequest();
    String resent = server.takeRequest().getBody().utf8();
    assertThat(resent).contains("\"a\"", "\"b\"").doesNotContain("\"c\"");
    assertThat(timing.sleeps()).hasSize(1);
  }
}
