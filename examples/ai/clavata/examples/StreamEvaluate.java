package ai.clavata.examples;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.EvaluationResult;
import ai.clavata.sdk.stream.EvaluateRequest;
import ai.clavata.sdk.stream.EvaluationStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * Evaluates many messages in one stream and prints each result the moment it arrives, matched to
 * the message it answers (results come in completion order, not input order).
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexample=StreamEvaluate}.
 */
public final class StreamEvaluate {
  static final List<String> MESSAGES =
      List.of(
          "Good morning everyone, the meeting moved to 10.",
          "Buy now! Free money for the first 100 people who click this link",
          "you absolute idiot",
          "ok",
          "If you do that again I will hurt you");

  private StreamEvaluate() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    try (ExampleEnvironment env = ExampleEnvironment.open(System.out)) {
      if (env.fakeServer() != null) {
        env.fakeServer().streamResultDelay(Duration.ofMillis(150)); // make arrival visible
      }
      run(env.client(), env.policyId(), System.out);
    }
  }

  static void run(ClavataClient client, String policyId, PrintStream out) {
    EvaluateRequest.Builder request = EvaluateRequest.builder().policyId(policyId);
    MESSAGES.forEach(message -> request.addContent(ContentData.text(message)));
    long start = System.nanoTime();
    try (EvaluationStream results = client.stream().evaluate(request.build())) {
      for (EvaluationResult result : results) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        out.printf(
            "%5d ms  #%d %-5s %s  <- \"%s\"%n",
            millis,
            result.inputIndex(),
            result.report().outcome(),
            result.report().matchedLabels().keySet(),
            result.input().text());
      }
    }
  }
}
