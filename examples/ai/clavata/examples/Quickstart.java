package ai.clavata.examples;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.PolicyEvaluationReport;
import java.io.PrintStream;

/**
 * Evaluates one text and prints the outcome and the matched labels.
 *
 * <p>Run: {@code mvn -q test-compile exec:java} (add {@code -Dexec.args="your text"} to try your
 * own). Uses the Clavata API when {@code CLAVATA_API_KEY} and {@code CLAVATA_POLICY_ID} are set,
 * else an embedded fake server.
 */
public final class Quickstart {
  private Quickstart() {}

  /**
   * Runs the example.
   *
   * @param args optional text to evaluate
   */
  public static void main(String[] args) {
    String text = args.length > 0 ? String.join(" ", args) : "I will find you and hurt you.";
    try (ExampleEnvironment env = ExampleEnvironment.open(System.out)) {
      run(env.client(), env.policyId(), text, System.out);
    }
  }

  static void run(ClavataClient client, String policyId, String text, PrintStream out) {
    PolicyEvaluationReport report = client.stream().evaluateOne(policyId, ContentData.text(text));
    out.println("Text:    " + text);
    out.println("Outcome: " + report.outcome() + " (score " + report.score() + ")");
    report
        .matchedLabels()
        .forEach((label, score) -> out.println("  matched " + label + " " + score));
  }
}
