package ai.clavata.modulepath;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.batch.BatchInput;
import ai.clavata.sdk.batch.BatchInputRow;
import ai.clavata.sdk.batch.BatchResults;
import ai.clavata.sdk.errors.NotFoundException;
import ai.clavata.sdk.jobs.CreateJobRequest;
import ai.clavata.sdk.jobs.ListJobsRequest;
import ai.clavata.sdk.model.BatchJob;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.Job;
import ai.clavata.sdk.model.Outcome;
import ai.clavata.sdk.model.PollOptions;
import ai.clavata.sdk.stream.EvaluateRequest;
import ai.clavata.sdk.stream.EvaluationStream;
import ai.clavata.sdk.testing.FakeClavataServer;
import ai.clavata.sdk.testing.FakePolicy;
import java.time.Duration;
import java.util.List;

/**
 * A user of the SDK outside its module: {@code ModulePathTest} runs it in a JVM with the SDK on the
 * module path and this class on the class path, so every package it touches must be exported, every
 * record Jackson reads must be open to it, and every module the SDK needs must be required. It
 * exits with status 1 on any failure.
 */
public final class ModulePathConsumer {
  private ModulePathConsumer() {}

  /** Runs every feature once against a fake server and prints what it saw. */
  public static void main(String[] args) {
    System.out.println("sdk in module " + ClavataClient.class.getModule().getName());
    System.out.println("consumer in module " + ModulePathConsumer.class.getModule().getName());
    try (FakeClavataServer server = FakeClavataServer.start();
        ClavataClient client =
            ClavataClient.builder().apiKey(server.apiKey()).baseUrl(server.baseUrl()).build()) {
      server.policy("p", FakePolicy.keywords("Threats", "hurt"));
      Job job =
          client
              .jobs()
              .create(
                  CreateJobRequest.builder()
                      .policyId("p")
                      .addContent(ContentData.text("I will hurt you"))
                      .waitForCompletion(true)
                      .build());
      require(job.reports().get(0).outcome() == Outcome.TRUE, "the job's verdict");
      require(
          client.jobs().list(ListJobsRequest.builder().build()).items().size() == 1, "the listing");
      try (EvaluationStream results =
          client.stream()
              .evaluate(
                  EvaluateRequest.builder()
                      .policyId("p")
                      .addContent(ContentData.text("hello"))
                      .addContent(ContentData.text("hurt"))
                      .build())) {
        require(results.toList().size() == 2, "the stream's results");
      }
      BatchJob done =
          client
              .batch()
              .run(
                  "n",
                  "p",
                  BatchInput.of(
                      List.of(BatchInputRow.text("a", "hurt"), BatchInputRow.text("b", "hi"))),
                  new PollOptions(
                      Duration.ofMillis(5), Duration.ofMillis(5), 1.0, Duration.ofSeconds(30)));
      try (BatchResults rows = client.batch().results(done)) {
        require(rows.toList().size() == 2, "the batch results");
      }
      try {
        client.jobs().get("missing");
        require(false, "a NotFoundException");
      } catch (NotFoundException expected) {
        // typed errors work across the module boundary too
      }
    }
    System.out.println("ok");
  }

  private static void require(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError("unexpected " + what);
    }
  }
}
