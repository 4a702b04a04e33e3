package ai.clavata.sdk.stream;

import static ai.clavata.sdk.TestResponses.ok;
import static ai.clavata.sdk.stream.StreamFixtures.KEY;
import static ai.clavata.sdk.stream.StreamFixtures.errorLine;
import static ai.clavata.sdk.stream.StreamFixtures.refusalStatus;
import static ai.clavata.sdk.stream.StreamFixtures.result;
import static ai.clavata.sdk.stream.StreamFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.MockServerTest;
import ai.clavata.sdk.errors.BadRequestException;
import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.errors.ClavataException;
import ai.clavata.sdk.errors.ContentRefusedException;
import ai.clavata.sdk.errors.RateLimitException;
import ai.clavata.sdk.errors.ServerException;
import ai.clavata.sdk.errors.StreamInterruptedException;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.EvaluationResult;
import ai.clavata.sdk.model.Outcome;
import ai.clavata.sdk.model.PolicyEvaluationReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ResubmitAndEvaluateOneTest extends MockServerTest {
  private static EvaluateRequest resubmitting(int items) {
    EvaluateRequest.Builder builder =
        EvaluateRequest.builder().policyId("p").resubmitUnanswered(true);
    for (int i = 0; i < items; i++) {
      builder.addContent(ContentData.text("item " + i));
    }
    return builder.build();
  }

  /** The items of a recorded request, as (text, tag) pairs. */
  private List<List<String>> sentItems() throws Exception {
    JsonNode body = StreamFixtures.body(server.takeRequest(5, TimeUnit.SECONDS));
    List<List<String>> items = new ArrayList<>();
    for (JsonNode item : body.get("contentData")) {
      assertThat(item.get("metadata").size()).as("only the tag").isEqualTo(1);
      items.add(List.of(item.get("text").asText(), item.get("metadata").get(KEY).asText()));
    }
    return items;
  }

  private static List<Integer> iterate(EvaluationStream stream) {
    List<Integer> indexes = new ArrayList<>();
    for (EvaluationResult r : stream) {
      assertThat(r.input().text()).isEqualTo("item " + r.inputIndex());
      assertThat(r.report().contentMetadata()).doesNotContainKey(KEY);
      indexes.add(r.inputIndex());
    }
    return indexes;
  }

  // ---- resubmitUnanswered ----

  @Test
  void resubmitsOnlyTheUnansweredInputsWithTheirOriginalIndexes() throws Exception {
    server.enqueue(ok(result(1) + result(3) + errorLine(status(8, "slow down"))));
    server.enqueue(ok(result(2) + result(0)));
    List<Integer> indexes;
    try (EvaluationStream stream = client.stream().evaluate(resubmitting(4))) {
      indexes = iterate(stream);
    }
    assertThat(indexes).containsExactly(1, 3, 2, 0);
    assertThat(indexes).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 4).boxed().toList());
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sentItems())
        .containsExactly(
            List.of("item 0", "0"),
            List.of("item 1", "1"),
            List.of("item 2", "2"),
            List.of("item 3", "3"));
    assertThat(sentItems()).containsExactly(List.of("item 0", "0"), List.of("item 2", "2"));
    assertThat(timing.sleeps()).hasSize(1);
  }

  @Test
  void resubmitsOnUnavailableAgainAndAgainWithinMaxRetries() throws Exception {
    // maxRetries is 2 by default: two resubmissions.
    server.enqueue(ok(result(4) + errorLine(status(14, "unavailable"))));
    server.enqueue(ok(result(0) + result(2) + errorLine(status(8, "slow"))));
    server.enqueue(ok(result(3) + result(1)));
    List<Integer> indexes;
    try (EvaluationStream stream = client.stream().evaluate(resubmitting(5))) {
      indexes = iterate(stream);
    }
    assertThat(indexes).containsExactlyInAnyOrder(0, 1, 2, 3, 4).doesNotHaveDuplicates();
    sentItems();
    assertThat(sentItems()).extracting(item -> item.get(1)).containsExactly("0", "1", "2", "3");
    assertThat(sentItems()).extracting(item -> item.get(1)).containsExactly("1", "3");
    assertThat(timing.sleeps()).hasSize(2);
  }

  @Test
  void aNonRetryableErrorIsNotResubmitted() {
    server.enqueue(ok(result(0) + errorLine(status(3, "bad content"))));
    StreamInterruptedException e;
    try (EvaluationStream stream = client.stream().evaluate(resubmitting(3))) {
      e = catchThrowableOfType(StreamInterruptedException.class, () -> iterate(stream));
    }
    assertThat(e.getCause()).isInstanceOf(BadRequestException.class);
    assertThat(e.unansweredInputs()).containsExactly(1, 2);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(timing.sleeps()).isEmpty();
  }

  @Test
  void aRefusalIsNotResubmitted() {
    server.enqueue(ok(result(0) + errorLine(refusalStatus())));
    try (EvaluationStream stream = client.stream().evaluate(resubmitting(2))) {
      assertThatThrownBy(() -> iterate(stream))
          .isInstanceOf(StreamInterruptedException.class)
          .hasCauseInstanceOf(ContentRefusedException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void afterMaxRetriesResubmissionsTheInterruptionSurfaces() throws Exception {
    ClavataClient once = client.withOptions(o -> o.maxRetries(1));
    server.enqueue(ok(result(0) + errorLine(status(8, "slow"))));
    server.enqueue(ok(result(2) + errorLine(status(8, "still slow"))));
    List<Integer> seen = new ArrayList<>();
    StreamInterruptedException e;
    try (EvaluationStream stream = once.stream().evaluate(resubmitting(4))) {
      e =
          catchThrowableOfType(
              StreamInterruptedException.class,
              () -> stream.forEach(r -> seen.add(r.inputIndex())));
    }
    assertThat(seen).containsExactly(0, 2);
    assertThat(e.getCause()).isInstanceOf(RateLimitException.class);
    assertThat(((RateLimitException) e.getCause()).message()).isEqualTo("still slow");
    assertThat(e.resultsReceived()).isEqualTo(2);
    assertThat(e.unansweredInputs()).containsExactly(1, 3);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(timing.sleeps()).hasSize(1);
  }

  @Test
  void aResubmissionThatFailsBeforeItsFirstLineStillReportsWhatWasAnswered() {
    ClavataClient once = client.withOptions(o -> o.maxRetries(1));
    server.enqueue(ok(result(0) + errorLine(status(14, "unavailable"))));
    // The resubmission is refused by the server, and its retry too.
    server.enqueue(new MockResponse.Builder().code(503).body(status(14, "down")).build());
    server.enqueue(new MockResponse.Builder().code(503).body(status(14, "down")).build());
    List<Integer> seen = new ArrayList<>();
    Throwable thrown;
    try (EvaluationStream stream = once.stream().evaluate(resubmitting(3))) {
      thrown = catchThrowable(() -> stream.forEach(r -> seen.add(r.inputIndex())));
    }
    assertThat(seen).containsExactly(0);
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(thrown)
        .isInstanceOfSatisfying(
            StreamInterruptedException.class,
            e -> {
              assertThat(e.getCause()).isInstanceOf(ServerException.class);
              assertThat(e.resultsReceived()).isEqualTo(1);
              assertThat(e.unansweredInputs()).containsExactly(1, 2);
            });
  }

  @Test
  void resubmitUnansweredWithoutCorrelationIsRejectedAtBuild() {
    assertThatThrownBy(
            () ->
                EvaluateRequest.builder()
                    .policyId("p")
                    .addContent(ContentData.text("a"))
                    .correlateInputs(false)
                    .resubmitUnanswered(true)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("correlateInputs");
  }

  // ---- evaluateOne ----

  @Test
  void evaluateOneReturnsTheSingleReport() throws Exception {
    server.enqueue(ok(result(0, Map.of("post", "42"), "My policy")));
    PolicyEvaluationReport report =
        client.stream().evaluateOne("p", ContentData.text("hello").withMetadata("post", "42"));
    assertThat(report.outcome()).isEqualTo(Outcome.TRUE);
    assertThat(report.policyKey()).isEqualTo("My policy");
    assertThat(report.contentMetadata()).containsExactly(Map.entry("post", "42"));

    JsonNode sent = StreamFixtures.body(server.takeRequest(5, TimeUnit.SECONDS));
    assertThat(sent.get("policyId").asText()).isEqualTo("p");
    assertThat(sent.get("contentData")).hasSize(1);
    assertThat(sent.get("contentData").get(0).get("text").asText()).isEqualTo("hello");
  }

  @Test
  void evaluateOneThrowsTheTypedErrorOfAnErrorLine() {
    server.enqueue(ok(errorLine(refusalStatus())));
    Throwable thrown =
        catchThrowable(() -> client.stream().evaluateOne("p", ContentData.text("x")));
    assertThat(thrown).isInstanceOf(ContentRefusedException.class);
    assertThat(((ContentRefusedException) thrown).failures()).hasSize(1);

    server.enqueue(ok(errorLine(status(8, "slow"))));
    assertThatThrownBy(() -> client.stream().evaluateOne("p", ContentData.text("x")))
        .isInstanceOf(RateLimitException.class)
        .isNotInstanceOf(StreamInterruptedException.class);
  }

  @Test
  void evaluateOneThrowsTheTypedErrorOfAnErrorStatus() {
    ClavataClient once = client.withOptions(o -> o.maxRetries(0));
    server.enqueue(new MockResponse.Builder().code(499).body(errorLine(refusalStatus())).build());
    assertThatThrownBy(() -> once.stream().evaluateOne("p", ContentData.text("x")))
        .isInstanceOf(ContentRefusedException.class);
  }

  @Test
  void evaluateOneOfAStreamWithoutAResultThrows() {
    server.enqueue(ok(""));
    Throwable thrown =
        catchThrowable(() -> client.stream().evaluateOne("p", ContentData.text("x")));
    assertThat(thrown).isInstanceOf(ClavataDecodeException.class).hasMessageContaining("result");

    server.enqueue(ok("\n\r\n"));
    assertThatThrownBy(() -> client.stream().evaluateOne("p", ContentData.text("x")))
        .isInstanceOf(ClavataException.class)
        .isNotInstanceOf(StreamInterruptedException.class);
  }

  @Test
  void evaluateOneOfAResultWithoutAReportThrows() {
    server.enqueue(ok("{\"result\":{\"jobUuid\":\"j\",\"contentHash\":\"h\"}}\n"));
    assertThatThrownBy(() -> client.stream().evaluateOne("p", ContentData.text("x")))
        .isInstanceOf(ClavataDecodeException.class)
        .hasMessageContaining("policyEvaluationReport");
  }

  @Test
  void evaluateOneValidatesLocally() {
    assertThatThrownBy(() -> client.stream().evaluateOne("p", null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> client.stream().evaluateOne(" ", ContentData.text("x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }
}
