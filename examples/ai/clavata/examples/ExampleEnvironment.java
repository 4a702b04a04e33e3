package ai.clavata.examples;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.testing.FakeClavataServer;
import ai.clavata.sdk.testing.FakePolicy;
import java.io.PrintStream;

/**
 * Where an example runs: against the Clavata API when {@code CLAVATA_API_KEY} (and {@code
 * CLAVATA_POLICY_ID}) are set, otherwise against an embedded {@link FakeClavataServer} with a demo
 * policy. The first line of output says which.
 */
final class ExampleEnvironment implements AutoCloseable {
  /** The demo policy's id on the fake server. */
  static final String DEMO_POLICY_ID = "demo-policy";

  private final ClavataClient client;
  private final String policyId;
  private final FakeClavataServer fake;

  private ExampleEnvironment(ClavataClient client, String policyId, FakeClavataServer fake) {
    this.client = client;
    this.policyId = policyId;
    this.fake = fake;
  }

  /** Opens the environment the process's variables call for, and says which on {@code out}. */
  static ExampleEnvironment open(PrintStream out) {
    String key = System.getenv("CLAVATA_API_KEY");
    if (key == null || key.isBlank()) {
      out.println(
          "No CLAVATA_API_KEY set: running against an embedded FakeClavataServer with a demo policy.");
      return fake();
    }
    String policyId = System.getenv("CLAVATA_POLICY_ID");
    if (policyId == null || policyId.isBlank()) {
      throw new IllegalStateException(
          "CLAVATA_API_KEY is set, so the example uses the Clavata API: set CLAVATA_POLICY_ID to"
              + " the id of one of your policies too");
    }
    out.println("Using the Clavata API with policy " + policyId + ".");
    return new ExampleEnvironment(ClavataClient.fromEnv(), policyId, null);
  }

  /** A fake server with the demo policy, and a client for it. */
  static ExampleEnvironment fake() {
    FakeClavataServer server = FakeClavataServer.start();
    server.policy(
        DEMO_POLICY_ID,
        FakePolicy.keywords("Threats", "kill", "hurt", "bomb"),
        FakePolicy.keywords("Harassment", "idiot", "loser"),
        FakePolicy.regex("Spam", "(?i)buy now|free money").withScore(0.8));
    ClavataClient client =
        ClavataClient.builder().apiKey(server.apiKey()).baseUrl(server.baseUrl()).build();
    return new ExampleEnvironment(client, DEMO_POLICY_ID, server);
  }

  ClavataClient client() {
    return client;
  }

  String policyId() {
    return policyId;
  }

  /** The fake server, or {@code null} against the real API. */
  FakeClavataServer fakeServer() {
    return fake;
  }

  @Override
  public void close() {
    client.close();
    if (fake != null) {
      fake.close();
    }
  }
}
