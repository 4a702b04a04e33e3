package ai.clavata.sdk.stream;

import static ai.clavata.sdk.TestResponses.ok;
import static ai.clavata.sdk.stream.StreamFixtures.KEY;
import static ai.clavata.sdk.stream.StreamFixtures.errorLine;
import static ai.clavata.sdk.stream.StreamFixtures.refusalStatus;
import static ai.clavata.sdk.stream.StreamFixtures.request;
import static ai.clavata.sdk.stream.StreamFixtures.result;
import static ai.clavata.sdk.stream.StreamFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.MockServerTest;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.errors.ContentRefusedException;
import ai.clavata.sdk.errors.GrpcCode;
import ai.clavata.sdk.errors.RateLimitException;
import ai.clavata.sdk.errors.StreamInterruptedException;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.EvaluationResult;
import ai.clavata.sdk.model.Outcome;
import ai.clavata.sdk.model.PrecheckFailureType;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Line framing, decoding errors, error lines and correlation, through the client. */
@Timeout(60)
class StreamFramingTest extends MockServerTest {
  private List<EvaluationResult> collect(EvaluateRequest request) {
    try (EvaluationStream stream = client.stream().evaluate(request)) {
      return stream.toList();
    }
  }

  /** What ends {@code stream}'s collection: an interruption whose cause is a decode error. */
  private static ClavataDecodeException decodeErrorOf(EvaluationStream stream) {
    StreamInterruptedException e = catchThrowableOfType(StreamInterruptedException.class, stream::toList);
    assertThat(e).as("the stream is interrupted").isNotNull();
    assertThat(e.getCause()).isInstanceOf(ClavataDecodeException.class);
    return (ClavataDecodeException) e.getCause();
  }

  private static List<Integer> indexes(List<EvaluationResult> results) {
    return results.stream().map(EvaluationResult::inputIndex).toList();
  }

  // ---- framing ----

  @Test
  void aLastLineWithoutNewlineIsAValidResult() {
    String last = result(1);
    server.enqueue(ok(result(0) + last.substring(0, last.length() - 1)));
    List<EvaluationResult> results = collect(request(2).build());
    assertThat(indexes(results)).containsExactly(0, 1);
    assertThat(results.get(1).report().outcome()).isEqualTo(Outcome.TRUE);
  }

  @Test
  void toleratesCrlfAndBlankLines() {
    String body =
        "\r\n"
            + result(1).replace("\n", "\r\n")
            + "\n  \n\r\n\r\n"
            + result(0).replace("\n", "\r\n")
            + "\r\n";
    server.enqueue(ok(body));
    assertThat(indexes(collect(request(2).build()))).containsExactly(1, 0);
  }

  @Test
  void aBodyCutInTheMiddleOfAnObjectIsADecodeError() {
    String cut = result(1).substring(0, 60);
    server.enqueue(ok(result(0) + "\n" + cut));
    List<Integer> seen = new ArrayList<>();
    try (EvaluationStream stream = client.stream().evaluate(request(2).build())) {
      StreamInterruptedException interrupted =
          catchThrowableOfType(
              StreamInterruptedException.class,
              () -> {
                for (EvaluationResult r : stream) {
                  seen.add(r.inputIndex());
                }
              });
      assertThat(interrupted.resultsReceived()).isEqualTo(1);
      assertThat(interrupted.unansweredInputs()).containsExactly(1);
      assertThat(interrupted.getCause()).isInstanceOf(ClavataDecodeException.class);
      ClavataDecodeException e = (ClavataDecodeException) interrupted.getCause();
      assertThat(e.lineNumber()).isEqualTo(3);
      assertThat(e.excerpt()).isEqualTo(cut);
      assertThat(e.getMessage()).contains("line 3", "cut").contains(cut);
    }
    assertThat(seen).containsExactly(0);
  }

  @Test
  void aLineThatIsNotJsonIsADecodeErrorNamingTheLine() {
    server.enqueue(ok(result(0) + "<html>502 Bad Gateway</html>\n" + result(1)));
    try (EvaluationStream stream = client.stream().evaluate(request(2).build())) {
      ClavataDecodeException e = decodeErrorOf(stream);
      assertThat(e.lineNumber()).isEqualTo(2);
      assertThat(e.excerpt()).isEqualTo("<html>502 Bad Gateway</html>");
      assertThat(e.getMessage()).contains("at line 2", "not valid JSON");
    }
  }

  @Test
  void theExcerptOfAHugeBadLineIsBounded() {
    String garbage = "x".repeat(100_000);
    server.enqueue(ok(garbage + "\n"));
    try (EvaluationStream stream = client.stream().evaluate(request(1).build())) {
      ClavataDecodeException e = decodeErrorOf(stream);
      assertThat(e.lineNumber()).isEqualTo(1);
      assertThat(e.excerpt().length()).isLessThan(1_000);
      assertThat(e.excerpt()).startsWith("xxxx").endsWith("…");
      assertThat(e.getMessage().length()).isLessThan(2_000);
    }
  }

  @Test
  void aLineWithNeitherResultNorErrorIsADecodeError() {
    server.enqueue(ok(result(0) + "{\"progress\":50}\n" + result(1)));
    try (EvaluationStream stream = client.stream().evaluate(request(2).build())) {
      ClavataDecodeException e = decodeErrorOf(stream);
      assertThat(e.lineNumber()).isEqualTo(2);
      assertThat(e.excerpt()).isEqualTo("{\"progress\":50}");
      assertThat(e.getMessage()).contains("neither");
    }
  }

  @Test
  void anEmptyObjectANullLineOrANullErrorIsADecodeError() {
    for (String line : List.of("{}", "null", "{\"error\":null}")) {
      server.enqueue(ok(line + "\n"));
      try (EvaluationStream stream = client.stream().evaluate(request(1).build())) {
        assertThat(decodeErrorOf(stream).lineNumber()).as(line).isEqualTo(1);
      }
    }
  }

  @Test
  void parsesAThreeMegabyteResultLineWhenTheLineLimitAllowsIt() {
    String policyKey = "k".repeat(3 * 1024 * 1024);
    server.enqueue(ok(result(1) + result(0, Map.of(), policyKey)));
    try (ClavataClient roomy = TestClients.builder(server, timing).maxStreamLineSize(4L << 20).build();
        EvaluationStream stream = roomy.stream().evaluate(request(2).build())) {
      List<EvaluationResult> results = stream.toList();
      assertThat(indexes(results)).containsExactly(1, 0);
      assertThat(results.get(1).report().policyKey()).hasSize(3 * 1024 * 1024).isEqualTo(policyKey);
    }
  }

  @Test
  void aLineOverTheDefaultLimitInterruptsTheStreamAndSaysWhichSettingToRaise() {
    server.enqueue(ok(result(1) + result(0, Map.of(), "k".repeat(3 * 1024 * 1024)) + result(2)));
    try (EvaluationStream stream = client.stream().evaluate(request(3).build())) {
      StreamInterruptedException e = catchThrowableOfType(StreamInterruptedException.class, stream::toList);
      assertThat(indexes(e.results())).containsExactly(1);
      assertThat(e.unansweredInputs()).containsExactly(0, 2);
      assertThat(e.getCause())
          .isInstanceOf(ClavataDecodeException.class)
          .hasMessageContaining("line 2")
          .hasMessageContaining("longer than the 2 MiB limit")
          .hasMessageContaining("maxStreamLineSize(...)");
    }
  }

  // ---- error lines ----

  @Test
  void anErrorLineAfterTwoResultsInterruptsWithARateLimit() {
    server.enqueue(ok(result(3) + result(1) + errorLine(status(8, "slow down")) + result(0)));
    List<EvaluationResult> delivered = new ArrayList<>();
    StreamInterruptedException e;
    try (EvaluationStream stream = client.stream().evaluate(request(4).build())) {
      e =
          catchThrowableOfType(
              StreamInterruptedException.class,
              () -> {
                for (EvaluationResult r : stream) {
                  delivered.add(r);
                }
              });
    }
    assertThat(indexes(delivered)).containsExactly(3, 1);
    assertThat(e).isNotNull();
    assertThat(e.getCause()).isInstanceOf(RateLimitException.class);
    assertThat(((RateLimitException) e.getCause()).grpcCode()).contains(GrpcCode.RESOURCE_EXHAUSTED);
    assertThat(((RateLimitException) e.getCause()).message()).isEqualTo("slow down");
    assertThat(e.resultsReceived()).isEqualTo(2);
    assertThat(e.unansweredInputs()).containsExactly(0, 2);
    assertThat(e.results()).as("a plain iteration keeps nothing").isEmpty();
    assertThat(server.getRequestCount()).as("nothing is resubmitted by default").isEqualTo(1);
  }

  @Test
  void anErrorLineAfterTwoResultsInterruptsWithARefusal() {
    server.enqueue(ok(result(0) + result(2) + errorLine(refusalStatus())));
    StreamInterruptedException e;
    try (EvaluationStream stream = client.stream().evaluate(request(3).build())) {
      e = catchThrowableOfType(StreamInterruptedException.class, stream::toList);
    }
    assertThat(e.getCause())
        .isInstanceOfSatisfying(
            ContentRefusedException.class,
            refused -> {
              assertThat(refused.grpcCode()).contains(GrpcCode.CANCELLED);
              assertThat(refused.failures()).hasSize(1);
              assertThat(refused.failures().get(0).type()).isEqualTo(PrecheckFailureType.NCMEC);
              assertThat(refused.failures().get(0).contentHash()).isEqualTo("md5::refused");
            });
    assertThat(e.resultsReceived()).isEqualTo(2);
    assertThat(e.unansweredInputs()).containsExactly(1);
    assertThat(e.results()).extracting(EvaluationResult::inputIndex).containsExactly(0, 2);
  }

  @Test
  void anErrorBeforeTheFirstResultWrappedInErrorIsThrownByEvaluate() {
    ClavataClient once = client.withOptions(o -> o.maxRetries(0));
    server.enqueue(
        new MockResponse.Builder().code(429).body(errorLine(status(8, "quota used up"))).build());
    RateLimitException e =
        catchThrowableOfType(
            RateLimitException.class, () -> once.stream().evaluate(request(2).build()));
    assertThat(e).isNotNull();
    assertThat(e.httpStatus()).isEqualTo(429);
    assertThat(e.grpcCode()).contains(GrpcCode.RESOURCE_EXHAUSTED);
    assertThat(e.message()).isEqualTo("quota used up");

    server.enqueue(new MockResponse.Builder().code(499).body(errorLine(refusalStatus())).build());
    ContentRefusedException refused =
        catchThrowableOfType(
            ContentRefusedException.class, () -> once.stream().evaluate(request(1).build()));
    assertThat(refused.httpStatus()).isEqualTo(499);
    assertThat(refused.failures()).extracting(f -> f.type()).containsExactly(PrecheckFailureType.NCMEC);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void anErrorBeforeTheFirstResultAsABareStatusIsThrownByEvaluate() {
    ClavataClient once = client.withOptions(o -> o.maxRetries(0));
    server.enqueue(new MockResponse.Builder().code(429).body(status(8, "slow")).build());
    RateLimitException e =
        catchThrowableOfType(
            RateLimitException.class, () -> once.stream().evaluate(request(2).build()));
    assertThat(e.message()).isEqualTo("slow");

    server.enqueue(new MockResponse.Builder().code(499).body(refusalStatus()).build());
    ContentRefusedException refused =
        catchThrowableOfType(
            ContentRefusedException.class, () -> once.stream().evaluate(request(1).build()));
    assertThat(refused.message()).isEqualTo("content refused");
    assertThat(refused.failures()).hasSize(1);
  }

  @Test
  void aRateLimitBeforeTheFirstResultIsRetriedThenThrown() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(429).body(errorLine(status(8, "slow"))).build());
    }
    assertThatThrownBy(() -> client.stream().evaluate(request(1).build()))
        .isInstanceOf(RateLimitException.class);
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(timing.sleeps()).hasSize(2);
  }

  @Test
  void aRateLimitBeforeTheFirstResultIsRetriedUntilTheStreamStarts() {
    server.enqueue(new MockResponse.Builder().code(429).body(errorLine(status(8, "slow"))).build());
    server.enqueue(ok(result(0)));
    assertThat(indexes(collect(request(1).build()))).containsExactly(0);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(timing.sleeps()).hasSize(1);
  }

  // ---- correlation ----

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
        ok(result(2, Map.of("post", "2"), "k") + result(0, Map.of(), "k") + result(1, Map.of(), "k")));
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
    assertThatThrownBy(() -> client.stream().evaluate(null)).isInstanceOf(NullPointerException.class);
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
    assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestClients.API_KEY);
    JsonNode expected =
        StreamFixtures.JSON.readTree(
            "{\"contentData\":["
                + "{\"text\":\"hello\",\"metadata\":{\"mine\":\"x\",\"" + KEY + "\":\"0\"}},"
                + "{\"imageUrl\":\"https://example.com/b.png\",\"metadata\":{\"" + KEY + "\":\"1\"}},"
                + "{\"image\":\"AQID\",\"metadata\":{\"" + KEY + "\":\"2\"}}],"
                + "\"policyId\":\"policy-uuid\","
                + "\"threshold\":0.7,"
                + "\"expedited\":true,"
                + "\"options\":{\"options\":{\"mode\":\"fast\"}}}");
    assertThat(StreamFixtures.body(recorded)).isEqualTo(expected);
  }
}
