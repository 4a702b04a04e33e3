package ai.clavata.examples;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.labels.EvaluateLabelsRequest;
import ai.clavata.sdk.labels.LabelEvaluation;
import ai.clavata.sdk.labels.LabelResult;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.testing.FakeClavataServer;
import ai.clavata.sdk.testing.FakePolicy;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates one text against several published label versions in one call and prints each label's
 * verdict; a label version that fails is reported while the others succeed.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexample=EvaluateLabels} (your text: {@code
 * -Dexec.args="..."}). With {@code CLAVATA_API_KEY} set it uses the Clavata API and needs {@code
 * CLAVATA_LABEL_VERSION_IDS}, a comma-separated list of up to 10 label version ids, and a
 * label-first account; without it, an embedded fake server with two demo labels and one id it does
 * not know.
 */
public final class EvaluateLabels {
  /** The demo label versions on the fake server; the last one is unknown, to show an error. */
  static final List<String> DEMO_LABEL_VERSION_IDS =
      List.of("demo-threats-v1", "demo-spam-v1", "demo-retired-v1");

  private EvaluateLabels() {}

  /**
   * Runs the example.
   *
   * @param args optional text to evaluate
   */
  public static void main(String[] args) {
    String text = args.length > 0 ? String.join(" ", args) : "Buy now or I will hurt you.";
    String key = System.getenv("CLAVATA_API_KEY");
    if (key == null || key.isBlank()) {
      System.out.println(
          "No CLAVATA_API_KEY set: running against an embedded FakeClavataServer with demo labels.");
      try (ExampleEnvironment env = ExampleEnvironment.fake()) {
        addDemoLabels(env.fakeServer());
        run(env.client(), DEMO_LABEL_VERSION_IDS, text, System.out);
      }
      return;
    }
    String ids = System.getenv("CLAVATA_LABEL_VERSION_IDS");
    if (ids == null || ids.isBlank()) {
      throw new IllegalStateException(
          "CLAVATA_API_KEY is set, so the example uses the Clavata API: set"
              + " CLAVATA_LABEL_VERSION_IDS to a comma-separated list of your published label"
              + " version ids too");
    }
    List<String> labelVersionIds = Arrays.stream(ids.split(",")).map(String::trim).toList();
    System.out.println("Using the Clavata API with label versions " + labelVersionIds + ".");
    try (ClavataClient client = ClavataClient.fromEnv()) {
      run(client, labelVersionIds, text, System.out);
    }
  }

  /** Publishes the demo label versions on a fake server (all but the last, which stays unknown). */
  static void addDemoLabels(FakeClavataServer server) {
    server.label(DEMO_LABEL_VERSION_IDS.get(0), FakePolicy.keywords("Threats", "kill", "hurt"));
    server.label(
        DEMO_LABEL_VERSION_IDS.get(1),
        FakePolicy.regex("Spam", "(?i)buy now|free money").withScore(0.8));
  }

  static void run(
      ClavataClient client, List<String> labelVersionIds, String text, PrintStream out) {
    LabelEvaluation evaluation =
        client
            .labels()
            .evaluate(
                EvaluateLabelsRequest.builder()
                    .content(ContentData.text(text))
                    .addAllLabelVersionIds(labelVersionIds)
                    .threshold(0.6)
                    .build());
    out.println("Text:    " + text);
    out.println("Content: " + evaluation.contentHash());
    for (LabelResult r : evaluation.results()) {
      if (r.error().isPresent()) {
        out.println("  " + r.labelVersionId() + "  failed: " + r.error().get());
      } else {
        out.printf(
            Locale.ROOT,
            "  %s  %s (score %.2f, threshold %.2f, job %s)%n",
            r.labelVersionId(),
            r.outcome(),
            r.score(),
            r.threshold(),
            r.jobUuid());
      }
    }
  }
}
