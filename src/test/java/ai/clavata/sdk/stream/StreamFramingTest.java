package ai.clavata.sdk.stream;

import static ai.clavata.sdk.TestResponses.ok;
import static ai.clavata.sdk.stream.StreamFixtures.request;
import static ai.clavata.sdk.stream.StreamFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.errors.StreamInterruptedException;
import ai.clavata.sdk.model.EvaluationResult;
import ai.clavata.sdk.model.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Line framing and the lines that cannot be read, through the client. */
@Timeout(60)
class StreamFramingTest extends StreamTestBase {
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
    try (ClavataClient roomy =
            TestClients.builder(server, timing).maxStreamLineSize(4L << 20).build();
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
      StreamInterruptedException e =
          catchThrowableOfType(StreamInterruptedException.class, stream::toList);
      assertThat(indexes(e.results())).containsExactly(1);
      assertThat(e.unansweredInputs()).containsExactly(0, 2);
      assertThat(e.getCause())
          .isInstanceOf(ClavataDecodeException.class)
          .hasMessageContaining("line 2")
          .hasMessageContaining("longer than the 2 MiB limit")
          .hasMessageContaining("maxStreamLineSize(...)");
    }
  }
}
