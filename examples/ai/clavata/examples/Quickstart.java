package ai.clavata.examples;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.jobs.CreateJobRequest;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.Job;
import ai.clavata.sdk.model.PolicyEvaluationReport;

/**
 * Evaluates one text against a policy and prints the outcome and the matched labels.
 *
 * <p>Needs {@code CLAVATA_API_KEY} and {@code CLAVATA_POLICY_ID}. Run it with
 * {@code mvn -q test-compile exec:java}; pass your own text as {@code -Dexec.args="some text"}.
 */
public final class Quickstart {
  private Quickstart() {}

  /**
   * Runs the example.
   *
   * @param args optional text to evaluate
   */
  public static void main(String[] args) {
    String policyId = System.getenv("CLAVATA_POLICY_ID");
    if (System.getenv("CLAVATA_API_KEY") == null || policyId == null) {
      throw new IllegalStateException(
          "Set CLAVATA_API_KEY and CLAVATA_POLICY_ID to run the Quickstart against the Clavata API"
              + " (running it against an embedded local server needs FakeClavataServer, not yet built)");
    }
    String text = args.length > 0 ? String.join(" ", args) : "I will find you and hurt you.";

    try (ClavataClient client = ClavataClient.fromEnv()) {
      Job job =
          client
              .jobs()
              .create(
                  CreateJobRequest.builder()
                      .policyId(policyId)
                      .addContent(ContentData.text(text))
                      .waitForCompletion(true)
                      .build());
      for (PolicyEvaluationReport report : job.reports()) {
        System.out.println("Outcome: " + report.outcome() + " (score " + report.score() + ")");
        report.matchedLabels().forEach((label, score) -> System.out.println("  " + label + " " + score));
      }
    }
  }
}
