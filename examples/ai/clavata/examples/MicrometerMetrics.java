package ai.clavata.examples;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.events.AttemptFinished;
import ai.clavata.sdk.events.CallFinished;
import ai.clavata.sdk.events.ClavataEventListener;
import ai.clavata.sdk.events.RetryScheduled;
import ai.clavata.sdk.events.StreamFinished;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.stream.EvaluateRequest;
import ai.clavata.sdk.stream.EvaluationStream;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;

/**
 * Bridges the SDK's call events to Micrometer: a timer per call, counted attempts and retries, and
 * stream results. The SDK has no metrics dependency; this listener is the whole bridge.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexample=MicrometerMetrics}.
 */
public final class MicrometerMetrics {
  private MicrometerMetrics() {}

  /** Records the SDK's events in a {@link MeterRegistry}. */
  public static final class MicrometerListener implements ClavataEventListener {
    private final MeterRegistry registry;

    /**
     * Records into {@code registry}.
     *
     * @param registry where the meters go
     */
    public MicrometerListener(MeterRegistry registry) {
      this.registry = registry;
    }

    @Override
    public void callFinished(CallFinished call) {
      Timer.builder("clavata.calls")
          .tag("method", call.call().method())
          .tag("route", call.call().route()) // ids replaced: bounded cardinality
          .tag("status", Integer.toString(call.statusCode()))
          .tag("outcome", call.isSuccessful() ? "success" : "failure")
          .register(registry)
          .record(call.duration());
    }

    @Override
    public void attemptFinished(AttemptFinished attempt) {
      registry.counter("clavata.attempts", "route", attempt.call().route()).increment();
    }

    @Override
    public void retryScheduled(RetryScheduled retry) {
      registry.counter("clavata.retries", "route", retry.call().route()).increment();
    }

    @Override
    public void streamFinished(StreamFinished stream) {
      registry
          .summary("clavata.stream.results", "ending", stream.ending().name())
          .record(stream.results());
    }
  }

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    MeterRegistry registry = new SimpleMeterRegistry();
    try (ExampleEnvironment env = ExampleEnvironment.open(System.out)) {
      ClavataClient metered = metered(env.client(), registry);
      run(metered, env.policyId(), System.out);
    }
    print(registry, System.out);
  }

  /** A copy of {@code client} (sharing its pool) whose events go to {@code registry}. */
  static ClavataClient metered(ClavataClient client, MeterRegistry registry) {
    return client.withOptions(o -> o.eventListener(new MicrometerListener(registry)));
  }

  static void run(ClavataClient client, String policyId, PrintStream out) {
    client.stream().evaluateOne(policyId, ContentData.text("hello there"));
    EvaluateRequest request =
        EvaluateRequest.builder()
            .policyId(policyId)
            .addContent(ContentData.text("I will hurt you"))
            .addContent(ContentData.text("see you tomorrow"))
            .build();
    try (EvaluationStream results = client.stream().evaluate(request)) {
      out.println("Streamed " + results.toList().size() + " results");
    }
  }

  static void print(MeterRegistry registry, PrintStream out) {
    for (Meter meter : registry.getMeters()) {
      Meter.Id id = meter.getId();
      StringBuilder line = new StringBuilder(id.getName());
      id.getTags()
          .forEach(tag -> line.append(' ').append(tag.getKey()).append('=').append(tag.getValue()));
      meter
          .measure()
          .forEach(m -> line.append(' ').append(m.getStatistic()).append('=').append(m.getValue()));
      out.println(line);
    }
  }
}
