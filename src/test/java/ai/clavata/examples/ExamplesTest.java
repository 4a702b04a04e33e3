package ai.clavata.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clavata.sdk.testing.FakeClavataServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs every example against the fake server, so that none of them can rot. */
class ExamplesTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private ExampleEnvironment env;

  @BeforeEach
  void setUp() {
    env = ExampleEnvironment.fake();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void quickstartPrintsTheOutcomeAndMatchedLabels() {
    Quickstart.run(env.client(), env.policyId(), "I will find you and hurt you.", out);
    assertThat(output()).contains("Outcome: TRUE").contains("matched Threats 0.9");
  }

  @Test
  void streamEvaluateCorrelatesEveryMessage() {
    StreamEvaluate.run(env.client(), env.policyId(), out);
    String output = output();
    for (String message : StreamEvaluate.MESSAGES) {
      assertThat(output).contains("<- \"" + message + "\"");
    }
    assertThat(output).contains("TRUE  [Harassment]").contains("#3 FALSE");
  }

  @Test
  void listJobsPagesThroughEveryJob() {
    ListJobs.createSampleJobs(env.client(), env.policyId(), 12);
    ListJobs.run(env.client(), env.policyId(), out);
    assertThat(output())
        .contains("First page: 5 jobs, more: true")
        .contains("Completed jobs in the last day: 12, flagged: 4");
  }

  @Test
  void micrometerMetricsTimesCallsAndCountsStreamResults() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MicrometerMetrics.run(MicrometerMetrics.metered(env.client(), registry), env.policyId(), out);
    MicrometerMetrics.print(registry, out);

    assertThat(
            registry
                .get("clavata.calls")
                .tags("route", "/v1/jobs/stream", "status", "200", "outcome", "success")
                .timer()
                .count())
        .isEqualTo(2);
    assertThat(registry.get("clavata.attempts").counter().count()).isEqualTo(2);
    assertThat(
            registry
                .get("clavata.stream.results")
                .tag("ending", "COMPLETED")
                .summary()
                .totalAmount())
        .isEqualTo(3);
    assertThat(output()).contains("Streamed 2 results").contains("clavata.calls method=POST");
  }

  @Test
  void batchRunShowsProgressAndResults() {
    BatchRun.run(
        env.client(), env.policyId(), BatchRun.sampleFile(), FakeClavataServer.fastPolling(), out);
    assertThat(output())
        .contains("is QUEUED")
        .contains("is COMPLETED")
        .contains("post-1  no label matched")
        .contains("post-2  Spam=0.80")
        .contains("post-3  Threats=0.90")
        .contains("img-1  no label matched");
  }

  @Test
  void evaluateLabelsPrintsEachLabelAndTheOneThatFailed() {
    EvaluateLabels.addDemoLabels(env.fakeServer());
    EvaluateLabels.run(
        env.client(), EvaluateLabels.DEMO_LABEL_VERSION_IDS, "Buy now or I will hurt you.", out);
    assertThat(output())
        .contains("Content: fnv1a128::")
        .contains("demo-threats-v1  TRUE (score 0.90, threshold 0.60")
        .contains("demo-spam-v1  TRUE (score 0.80")
        .contains("demo-retired-v1  failed: label version demo-retired-v1 not found");
  }

  @Test
  void errorHandlingShowsEveryFailureKind() {
    ErrorHandling.run(env.client(), env.policyId(), env.fakeServer(), out);
    assertThat(output())
        .contains("after 3 attempts")
        .contains("server asks to wait PT30S")
        .contains("refused: INVALID_IMAGE")
        .contains("not found: HTTP 404")
        .contains("threshold must be between 0.0 and 1.0");
  }
}
