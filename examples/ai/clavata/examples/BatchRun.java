package ai.clavata.examples;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.batch.BatchInput;
import ai.clavata.sdk.batch.BatchResultRow;
import ai.clavata.sdk.batch.BatchResults;
import ai.clavata.sdk.model.BatchJob;
import ai.clavata.sdk.model.PollOptions;
import ai.clavata.sdk.testing.FakeClavataServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Runs a batch: a CSV file in ({@code ref_id,type,content}), progress on the terminal while it is
 * polled, and the results out.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexample=BatchRun} (add {@code
 * -Dexec.args=path/to/input.csv} to use your own file). Real batches take hours; against the fake
 * server it takes a moment.
 */
public final class BatchRun {
  static final String SAMPLE_CSV =
      "ref_id,type,content\n"
          + "post-1,text,\"Lovely weather today, isn't it?\"\n"
          + "post-2,text,\"Buy now: free money, \"\"guaranteed\"\"\"\n"
          + "post-3,text,I will hurt you\n"
          + "img-1,image_url,https://example.com/images/cat.png\n";

  private BatchRun() {}

  /**
   * Runs the example.
   *
   * @param args optional path of an input CSV
   */
  public static void main(String[] args) {
    try (ExampleEnvironment env = ExampleEnvironment.open(System.out)) {
      Path input = args.length > 0 ? Path.of(args[0]) : sampleFile();
      PollOptions polling =
          env.fakeServer() != null ? FakeClavataServer.fastPolling() : PollOptions.forBatchJobs();
      run(env.client(), env.policyId(), input, polling, System.out);
    }
  }

  static void run(
      ClavataClient client, String policyId, Path input, PollOptions polling, PrintStream out) {
    out.println("Uploading " + input + " ...");
    BatchJob done =
        client
            .batch()
            .run(
                "example-" + System.currentTimeMillis(),
                policyId,
                BatchInput.fromCsv(input),
                polling,
                job -> out.println("  batch " + job.batchJobId() + " is " + job.state()));
    out.println("Results:");
    try (BatchResults results = client.batch().results(done)) {
      for (BatchResultRow row : results) {
        out.println(
            "  " + row.refId() + "  " + (row.isError() ? "error: " + row.error() : matched(row)));
      }
    }
  }

  /** The labels that scored at least 0.5, such as {@code Threats=0.90}. */
  static String matched(BatchResultRow row) {
    String labels =
        row.labels().stream()
            .filter(label -> label.score() >= 0.5)
            .map(label -> String.format("%s=%.2f", label.name(), label.score()))
            .collect(Collectors.joining(", "));
    return labels.isEmpty() ? "no label matched" : labels;
  }

  static Path sampleFile() {
    try {
      Path file = Files.createTempFile("clavata-batch-example-", ".csv");
      file.toFile().deleteOnExit();
      return Files.writeString(file, SAMPLE_CSV, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
