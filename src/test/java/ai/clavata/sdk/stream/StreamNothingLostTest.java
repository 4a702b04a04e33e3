package ai.clavata.sdk.stream;

import static ai.clavata.sdk.TestResponses.ok;
import static ai.clavata.sdk.stream.StreamFixtures.request;
import static ai.clavata.sdk.stream.StreamFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.RawServer;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.errors.ClavataIoException;
import ai.clavata.sdk.errors.ClavataTimeoutException;
import ai.clavata.sdk.errors.StreamInterruptedException;
import com.fasterxml.jackson.core.JacksonException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Whatever ends a stream early, the results already received stay with the caller and the inputs
 * left unanswered are named: bad lines, results that answer no input, broken connections in the
 * middle of a line, and the overall deadline.
 */
@Timeout(60)
class StreamNothingLostTest extends StreamTestBase {

  /** Collects {@code request}'s stream, which must be interrupted, and returns the interruption. */
  private StreamInterruptedException interruptionOf(ClavataClient on, EvaluateRequest request) {
    try (EvaluationStream stream = on.stream().evaluate(request)) {
      StreamInterruptedException e =
          catchThrowableOfType(StreamInterruptedException.class, stream::toList);
      assertThat(e).as("the stream is interrupted").isNotNull();
      return e;
    }
  }

  private StreamInterruptedException interruptionOf(EvaluateRequest request) {
    return interruptionOf(client, request);
  }

  // ---- what cannot be read ends the stream, and keeps what came before ----

  @Test
  void aGarbageLineAfterGoodOnesKeepsTheirResultsAndNamesTheRest() {
    server.enqueue(ok(result(2) + result(0) + "garbage\n" + result(1)));
    StreamInterruptedException e = interruptionOf(request(4).build());
    assertThat(indexes(e.results())).containsExactly(2, 0);
    assertThat(e.resultsReceived()).isEqualTo(2);
    assertThat(e.unansweredInputs()).containsExactly(1, 3);
    assertThat(e.getCause())
        .isInstanceOf(ClavataDecodeException.class)
        .hasMessageContaining("line 3");
  }

  @Test
  void aBodyCutMidLineKeepsTheResultsBeforeIt() {
    server.enqueue(ok(result(1) + result(0).substring(0, 40)));
    StreamInterruptedException e = interruptionOf(request(2).build());
    assertThat(indexes(e.results())).containsExactly(1);
    assertThat(e.unansweredInputs()).containsExactly(0);
    assertThat(e.getCause()).hasMessageContaining("cut");
  }

  @Test
  void aResultWithoutAReportIsAnErrorNotAResult() {
    server.enqueue(
        ok(result(0) + "{\"result\":{\"jobUuid\":\"j\",\"contentHash\":\"h\"}}\n" + result(1)));
    StreamInterruptedException e = interruptionOf(request(2).build());
    assertThat(indexes(e.results())).containsExactly(0);
    assertThat(e.unansweredInputs()).containsExactly(1);
    assertThat(e.getCause())
        .isInstanceOf(ClavataDecodeException.class)
        .hasMessageContaining("no policyEvaluationReport");
  }

  @Test
  void aResultThatAnswersNoInputIsAnErrorNotAResultWithoutIndex() {
    for (String stray :
        List.of(result(null, Map.of(), "k"), result(7, Map.of(), "k"), result(-1, Map.of(), "k"))) {
      server.enqueue(ok(result(0) + stray));
      StreamInterruptedException e = interruptionOf(request(2).build());
      assertThat(indexes(e.results())).as(stray).containsExactly(0);
      assertThat(e.unansweredInputs()).containsExactly(1);
      assertThat(e.getCause())
          .isInstanceOf(ClavataDecodeException.class)
          .hasMessageContaining("answers none of the 2 input(s)");
    }
  }

  @Test
  void aSecondAnswerToTheSameInputIsAnError() {
    server.enqueue(ok(result(0) + result(0) + result(1)));
    StreamInterruptedException e = interruptionOf(request(2).build());
    assertThat(indexes(e.results())).containsExactly(0);
    assertThat(e.unansweredInputs()).containsExactly(1);
    assertThat(e.getCause()).hasMessageContaining("input 0, which was already answered");
  }

  @Test
  void withoutCorrelationAStreamWithFewerResultsThanInputsIsReported() {
    server.enqueue(ok(result(null, Map.of(), "k")));
    StreamInterruptedException e = interruptionOf(request(3).correlateInputs(false).build());
    assertThat(e.results()).hasSize(1);
    assertThat(e.unansweredInputs()).as("unknown without correlation").isEmpty();
    assertThat(e.getCause()).hasMessageContaining("left 2 of 3 input(s) unanswered");
  }

  // ---- a broken connection in the middle of a line is a network failure ----

  /** A result line for input {@code index} with arrays, as the gateway writes them. */
  private static String lineWithArrays(int index) {
    return "{\"result\":{\"jobUuid\":\"j\",\"policyEvaluationReport\":{\"policyId\":\"p\","
        + "\"contentMetadata\":{\""
        + StreamFixtures.KEY
        + "\":\""
        + index
        + "\"},"
        + "\"sectionEvaluationReports\":[{\"name\":\"Threats\",\"result\":\"OUTCOME_FALSE\","
        + "\"assertionEvaluationReports\":[{\"message\":\"none\"},{\"message\":\"none\"}]}]}}}\n";
  }

  /**
   * Line 1 for input 0, then line 2 for input 1 up to inside its innermost array, then {@code end}.
   */
  private static void enqueueCutInsideAnArray(RawServer raw, RawServer.End end) {
    String second = lineWithArrays(1);
    String upToArray = second.substring(0, second.indexOf("{\"message\"") + 5);
    raw.enqueue(
        end,
        RawServer.chunkedHead("application/json"),
        RawServer.chunk(lineWithArrays(0)),
        RawServer.chunk(upToArray));
  }

  @Test
  void aReadTimeoutInsideAnArrayIsATimeoutThatNamesTheUnansweredInputs() {
    try (RawServer raw = RawServer.start();
        ClavataClient slow =
            TestClients.builder(raw.url("/"), timing).readTimeout(Duration.ofMillis(300)).build()) {
      enqueueCutInsideAnArray(raw, RawServer.End.STALL);
      StreamInterruptedException e = interruptionOf(slow, request(3).build());
      assertThat(indexes(e.results())).containsExactly(0);
      assertThat(e.unansweredInputs()).containsExactly(1, 2);
      assertThat(e.getCause())
          .isInstanceOf(ClavataTimeoutException.class)
          .hasMessageContaining("readTimeout(...)")
          .hasMessageNotContaining("result line");
    }
  }

  @Test
  void aResetInsideAnArrayIsANetworkFailureNotMalformedJson() {
    try (RawServer raw = RawServer.start();
        ClavataClient on = TestClients.builder(raw.url("/"), timing).build()) {
      enqueueCutInsideAnArray(raw, RawServer.End.RESET);
      StreamInterruptedException e = interruptionOf(on, request(2).build());
      assertThat(indexes(e.results())).containsExactly(0);
      assertThat(e.unansweredInputs()).containsExactly(1);
      assertThat(e.getCause()).isExactlyInstanceOf(ClavataIoException.class);
      assertThat(e.getCause().getCause()).isNotInstanceOf(JacksonException.class);
    }
  }

  // ---- the optional overall deadline ----

  @Test
  void aTotalTimeoutEndsAStreamThatDripsLinesForever() {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body(result(0) + result(1) + result(2) + result(3))
            .throttleBody(result(0).length(), 250, TimeUnit.MILLISECONDS) // a line every 250 ms
            .build());
    StreamInterruptedException e =
        interruptionOf(
            request(4)
                .idleTimeout(Duration.ofSeconds(5))
                .totalTimeout(Duration.ofMillis(400))
                .build());
    assertThat(e.results()).hasSizeLessThan(4);
    assertThat(e.unansweredInputs()).isNotEmpty();
    assertThat(e.getCause())
        .isInstanceOf(ClavataTimeoutException.class)
        .hasMessageContaining("totalTimeout of PT0.4S")
        .hasMessageContaining("EvaluateRequest.Builder.totalTimeout(...)");
  }

  @Test
  void aTotalTimeoutAlsoBoundsTheWaitForTheFirstLine() {
    server.enqueue(ok(result(0)).newBuilder().headersDelay(3, TimeUnit.SECONDS).build());
    assertThatThrownBy(
            () -> client.stream().evaluate(request(1).totalTimeout(Duration.ofMillis(300)).build()))
        .isInstanceOf(ClavataTimeoutException.class)
        .hasMessageContaining("totalTimeout");
  }

  @Test
  void aNegativeTotalTimeoutIsRefusedLocally() {
    assertThatThrownBy(() -> request(1).totalTimeout(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("totalTimeout");
  }
}
