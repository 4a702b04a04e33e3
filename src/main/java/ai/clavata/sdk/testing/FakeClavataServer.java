package ai.clavata.sdk.testing;

import ai.clavata.sdk.model.BatchJobState;
import ai.clavata.sdk.model.PollOptions;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP server on loopback that speaks the Clavata API, for examples and for tests of your
 * own moderation code: no network, no account, deterministic verdicts.
 *
 * <pre>{@code
 * try (FakeClavataServer server = FakeClavataServer.start()) {
 *   server.policy("policy-1", FakePolicy.keywords("Threats", "kill", "bomb"));
 *   ClavataClient client = ClavataClient.builder()
 *       .apiKey(server.apiKey()).baseUrl(server.baseUrl()).build();
 *   PolicyEvaluationReport report =
 *       client.stream().evaluateOne("policy-1", ContentData.text("I will bomb it"));
 *   assertEquals(Outcome.TRUE, report.outcome());
 * }
 * }</pre>
 *
 * <p>It answers like the gateway: Bearer auth (401 otherwise), every jobs, stream, batch and labels
 * endpoint, every field present in responses, enum names, RFC 3339 times, NDJSON streams flushed
 * line by line in completion order (shorter content first), presigned storage URLs on its own host,
 * batch jobs that move one state per poll, and keyset paging. Content hashes are FNV-1a 128 with
 * the service's {@code fnv1a128::} prefix. Faults can be injected per endpoint. It is thread-safe.
 * It needs the JDK's {@code jdk.httpserver} module and no other dependency.
 */
public final class FakeClavataServer implements AutoCloseable {
  /** A configured policy. */
  record Policy(String id, String versionId, List<FakePolicy> labels) {}

  private final HttpServer http;
  private final ExecutorService executor;
  private final String apiKey = "fake-" + UUID.randomUUID();
  private final String baseUrl;
  private final List<FakeRequest> requests = new ArrayList<>();
  private final AtomicLong requestIds = new AtomicLong();
  private final FakeRoutes routes;

  private FakeClavataServer() throws IOException {
    // A backlog of 1024: the default of 50 stalls connects by up to 3 s when many clients start.
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "FakeClavataServer");
              thread.setDaemon(true);
              return thread;
            });
    http.setExecutor(executor);
    http.createContext("/", this::handle);
    baseUrl = "http://" + http.getAddress().getHostString() + ":" + http.getAddress().getPort();
    routes = new FakeRoutes(apiKey, baseUrl, executor);
    http.start();
  }

  /**
   * Starts a server on a free loopback port.
   *
   * @return the running server; close it when done
   * @throws IllegalStateException if the JDK's HTTP server (module {@code jdk.httpserver}) is not
   *     in this JVM, as on the module path without {@code requires jdk.httpserver;}
   */
  public static FakeClavataServer start() {
    if (ModuleLayer.boot().findModule("jdk.httpserver").isEmpty()) {
      throw new IllegalStateException(
          "FakeClavataServer runs on the JDK's HTTP server, module jdk.httpserver, which this JVM"
              + " has not loaded: add `requires jdk.httpserver;` to your test module's"
              + " module-info.java, or run with --add-modules jdk.httpserver");
    }
    try {
      return new FakeClavataServer();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the fake Clavata server", e);
    }
  }

  /**
   * The only API key the server accepts.
   *
   * @return the key
   */
  public String apiKey() {
    return apiKey;
  }

  /**
   * The server's base URL, such as {@code http://127.0.0.1:50123}.
   *
   * @return the base URL
   */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * Defines (or replaces) a policy. Content matches a label by its keywords or expression;
   * evaluating against an unknown policy id answers 404 {@code NOT_FOUND}, as the gateway does.
   *
   * @param policyId the policy's id
   * @param labels the policy's labels
   * @return this server
   */
  public FakeClavataServer policy(String policyId, FakePolicy... labels) {
    routes.policies.put(
        policyId,
        new Policy(
            policyId,
            UUID.nameUUIDFromBytes(policyId.getBytes(StandardCharsets.UTF_8)).toString(),
            FakePolicy.requireLabels(labels)));
    return this;
  }

  /**
   * Defines (or replaces) a published label version for {@code POST /v1/labels/evaluate}. Each
   * evaluation of it is a completed job, readable with GetJob; an unknown label version id gets a
   * result with an {@code error} while the others of the request succeed.
   *
   * @param labelVersionId the label version's id
   * @param label how content matches it, such as {@code FakePolicy.keywords("Threats", "kill")}
   * @return this server
   */
  public FakeClavataServer label(String labelVersionId, FakePolicy label) {
    routes.labels.define(labelVersionId, label);
    return this;
  }

  /**
   * Makes the next {@code times} requests to an endpoint fail. For {@link FakeEndpoint#STREAM} the
   * body is wrapped as {@code {"error": Status}}, as the gateway does before the first result.
   *
   * @param endpoint the endpoint
   * @param times how many requests fail
   * @param failure the answer they get
   * @return this server
   */
  public FakeClavataServer failNext(FakeEndpoint endpoint, int times, FakeFailure failure) {
    routes.faults.failNext(endpoint, times, failure);
    return this;
  }

  /**
   * Makes the next stream end with an {@code {"error": …}} line after {@code results} results (HTTP
   * 200 has been sent by then); with 0 it fails before the first result instead.
   *
   * @param results how many results to send first
   * @param failure the error line's Status
   * @return this server
   */
  public FakeClavataServer failStreamAfter(int results, FakeFailure failure) {
    routes.faults.failStreamAfter(results, failure);
    return this;
  }

  /**
   * Waits this long before each streamed result, to model evaluation time.
   *
   * @param delay the delay per result
   * @return this server
   */
  public FakeClavataServer streamResultDelay(Duration delay) {
    routes.streamResultDelay = delay;
    return this;
  }

  /**
   * Sets the states an uploaded batch job moves through, one per poll; the last must be terminal.
   *
   * @param states the states, such as {@code QUEUED, SUBMITTED, COMPLETED}
   * @return this server
   */
  public FakeClavataServer batchProgression(BatchJobState... states) {
    routes.batches.progression(Arrays.asList(states));
    return this;
  }

  /**
   * Waits for this server's jobs and batch jobs: a poll every 20 ms, for up to 30 s. Its batch jobs
   * move one state per poll, so {@link PollOptions#forBatchJobs()}, made for batches that take
   * hours, would spend over a minute on them.
   *
   * <pre>{@code
   * BatchJob done = client.batch().run("test", "policy-1", input, FakeClavataServer.fastPolling());
   * }</pre>
   *
   * @return poll options for tests against the fake server
   */
  public static PollOptions fastPolling() {
    return new PollOptions(
        Duration.ofMillis(20), Duration.ofMillis(20), 1.0, Duration.ofSeconds(30));
  }

  /**
   * Every request received so far, in order, with the API key redacted.
   *
   * @return the requests
   */
  public List<FakeRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /**
   * Every webhook call made so far, in order. A job created with a webhook is delivered, completed,
   * right after its create call is answered, with each extra header as {@code X-Webhook-<name>}.
   *
   * @return the deliveries
   */
  public List<FakeWebhookDelivery> webhookDeliveries() {
    return routes.webhooks.deliveries();
  }

  /**
   * Waits until {@code count} webhook calls have been made and answered.
   *
   * @param count how many
   * @param timeout the longest wait
   * @return the deliveries so far
   * @throws IllegalStateException if fewer were made in time
   * @throws InterruptedException if the thread is interrupted
   */
  public List<FakeWebhookDelivery> awaitWebhookDeliveries(int count, Duration timeout)
      throws InterruptedException {
    return routes.webhooks.await(count, timeout);
  }

  /** Stops the server at once. */
  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "FakeClavataServer[" + baseUrl + "]";
  }

  private void handle(HttpExchange raw) throws IOException {
    try (raw) {
      raw.getResponseHeaders().set("x-request-id", "fake-" + requestIds.incrementAndGet());
      FakeExchange exchange = new FakeExchange(raw, raw.getRequestBody().readAllBytes());
      synchronized (requests) {
        requests.add(FakeRequest.of(exchange, apiKey));
      }
      try {
        routes.route(exchange);
      } catch (IOException | RuntimeException e) {
        exchange.sendStatus(400, 3, "invalid request: " + e.getMessage());
      }
    }
  }
}
