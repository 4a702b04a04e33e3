package ai.clavata.flink;

import ai.clavata.sdk.testing.FakeClavataServer;
import ai.clavata.sdk.testing.FakePolicy;
import java.io.PrintStream;

/**
 * Where {@link ModeratePosts} sends its posts: the Clavata API when {@code CLAVATA_API_KEY} (and
 * {@code CLAVATA_POLICY_ID}) are set, otherwise an embedded {@link FakeClavataServer} with a demo
 * policy. The first line of output says which.
 */
final class DemoEnvironment implements AutoCloseable {
  /** The demo policy's id on the fake server. */
  static final String DEMO_POLICY_ID = "demo-policy";

  private final ClavataConfig config;
  private final String policyId;
  private final FakeClavataServer fake;

  private DemoEnvironment(ClavataConfig config, String policyId, FakeClavataServer fake) {
    this.config = config;
    this.policyId = policyId;
    this.fake = fake;
  }

  /** Opens the environment the process's variables call for, and says which on {@code out}. */
  static DemoEnvironment open(PrintStream out) {
    String key = System.getenv("CLAVATA_API_KEY");
    if (key == null || key.isBlank()) {
      out.println(
          "No CLAVATA_API_KEY set: running against an embedded FakeClavataServer with a demo policy"
              + " (reachable from this machine only, so run locally).");
      return fake();
    }
    String policyId = System.getenv("CLAVATA_POLICY_ID");
    if (policyId == null || policyId.isBlank()) {
      throw new IllegalStateException(
          "CLAVATA_API_KEY is set, so the job uses the Clavata API: set CLAVATA_POLICY_ID to the id"
              + " of one of your policies too");
    }
    ClavataConfig config = ClavataConfig.apiKey(key);
    String baseUrl = System.getenv("CLAVATA_BASE_URL");
    if (baseUrl != null && !baseUrl.isBlank()) {
      config = config.withBaseUrl(baseUrl);
    }
    out.println("Using the Clavata API with policy " + policyId + ".");
    return new DemoEnvironment(config, policyId, null);
  }

  /** A fake server with the demo policy, and a config for it. */
  static DemoEnvironment fake() {
    FakeClavataServer server = FakeClavataServer.start();
    server.policy(
        DEMO_POLICY_ID,
        FakePolicy.keywords("Threats", "kill", "hurt", "bomb"),
        FakePolicy.keywords("Harassment", "idiot", "loser"),
        FakePolicy.regex("Spam", "(?i)buy now|free money").withScore(0.8));
    ClavataConfig config = ClavataConfig.apiKey(server.apiKey()).withBaseUrl(server.baseUrl());
    return new DemoEnvironment(config, DEMO_POLICY_ID, server);
  }

  ClavataConfig config() {
    return config;
  }

  String policyId() {
    return policyId;
  }

  @Override
  public void close() {
    if (fake != null) {
      fake.close();
    }
  }
}
