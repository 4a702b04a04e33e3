package ai.clavata.sdk.testing;

import ai.clavata.sdk.testing.FakeClavataServer.Policy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The API behind {@link FakeClavataServer}: checks each request's Bearer key, routes it to its
 * endpoint (or to a fault injected there), and answers from the fake's jobs, batches, labels and
 * policies, which the server's configuration methods set.
 */
final class FakeRoutes {
  final Map<String, Policy> policies = new ConcurrentHashMap<>();
  final FakeFaults faults = new FakeFaults();
  final FakeJobs jobs = new FakeJobs();
  final FakeLabels labels = new FakeLabels(jobs);
  final FakeBatches batches;
  final FakeWebhooks webhooks;
  volatile Duration streamResultDelay = Duration.ZERO;
  private final String apiKey;

  FakeRoutes(String apiKey, String baseUrl, Executor executor) {
    this.apiKey = apiKey;
    this.batches = new FakeBatches(baseUrl);
    this.webhooks = new FakeWebhooks(executor);
  }

  /** Answers one request, already recorded by the server. */
  void route(FakeExchange exchange) throws IOException {
    if (exchange.path.startsWith(FakeBatches.STORAGE)) {
      FakeEndpoint endpoint =
          exchange.method.equals("PUT") ? FakeEndpoint.UPLOAD : FakeEndpoint.DOWNLOAD;
      if (!faults.answer(exchange, endpoint)) {
        batches.storage(exchange);
      }
      return;
    }
    if (!(("Bearer " + apiKey).equals(exchange.header("Authorization")))) {
      exchange.exchange.getResponseHeaders().set("WWW-Authenticate", "invalid API key");
      exchange.sendStatus(401, 16, "missing or invalid API key");
      return;
    }
    String[] path = exchange.path.split("/");
    String route = exchange.method + " " + String.join("/", shape(path));
    switch (route) {
      case "POST /v1/jobs" ->
          ifNotFailed(exchange, FakeEndpoint.CREATE_JOB, () -> createJob(exchange));
      case "GET /v1/jobs" ->
          ifNotFailed(
              exchange, FakeEndpoint.LIST_JOBS, () -> exchange.sendJson(200, jobs.list(exchange)));
      case "POST /v1/jobs/stream" ->
          ifNotFailed(exchange, FakeEndpoint.STREAM, () -> stream(exchange));
      case "GET /v1/jobs/{id}" ->
          ifNotFailed(
              exchange,
              FakeEndpoint.GET_JOB,
              () -> sendOrNotFound(exchange, jobs.get(path[3]), "job " + path[3]));
      case "POST /v1/batch-jobs" ->
          ifNotFailed(exchange, FakeEndpoint.CREATE_BATCH_JOB, () -> createBatch(exchange));
      case "GET /v1/batch-jobs" ->
          ifNotFailed(
              exchange,
              FakeEndpoint.LIST_BATCH_JOBS,
              () ->
                  exchange.sendJson(
                      200,
                      batches.list(
                          exchange.queryValues("batchJobIds"), exchange.queryValues("states"))));
      case "POST /v1/batch-jobs/{id}/start" ->
          ifNotFailed(
              exchange,
              FakeEndpoint.START_BATCH_JOB,
              () -> sendOrNotFound(exchange, batches.started(path[3]), "batch job " + path[3]));
      case "POST /v1/batch-jobs/{id}/cancel" ->
          ifNotFailed(
              exchange,
              FakeEndpoint.CANCEL_BATCH_JOB,
              () -> sendOrNotFound(exchange, batches.cancel(path[3]), "batch job " + path[3]));
      case "POST /v1/labels/evaluate" ->
          ifNotFailed(exchange, FakeEndpoint.LABELS, () -> labels.evaluate(exchange));
      default -> exchange.sendStatus(404, 5, "Not Found");
    }
  }

  /** The route's shape: ids replaced by {id}. */
  private static List<String> shape(String[] path) {
    List<String> shape = new ArrayList<>(Arrays.asList(path));
    if (shape.size() >= 4
        && !(shape.get(2).equals("jobs") && shape.get(3).equals("stream"))
        && !shape.get(2).equals("labels")) {
      shape.set(3, "{id}");
    }
    return shape;
  }

  private interface Action {
    void run() throws IOException;
  }

  private void ifNotFailed(FakeExchange exchange, FakeEndpoint endpoint, Action action)
      throws IOException {
    if (!faults.answer(exchange, endpoint)) {
      action.run();
    }
  }

  private void createJob(FakeExchange exchange) throws IOException {
    JsonNode request = exchange.json();
    Policy policy = requirePolicy(exchange, request);
    if (policy != null && requireContent(exchange, request)) {
      ObjectNode created = jobs.create(policy, request);
      exchange.sendJson(200, created);
      webhooks.deliverIfAsked(
          request, jobs.completed(created.path("job").path("jobUuid").asText()));
    }
  }

  private void stream(FakeExchange exchange) throws IOException {
    JsonNode request = exchange.json();
    Policy policy = requirePolicy(exchange, request);
    if (policy == null || !requireContent(exchange, request)) {
      return;
    }
    FakeFaults.StreamFault fault = faults.takeStreamFault();
    if (fault != null && fault.afterResults() <= 0) {
      FakeFaults.sendWrapped(exchange, fault.failure());
      return;
    }
    new FakeStream(exchange, policy, request, streamResultDelay)
        .send(
            fault == null ? Integer.MAX_VALUE : fault.afterResults(),
            fault == null ? null : fault.failure());
  }

  private void createBatch(FakeExchange exchange) throws IOException {
    JsonNode request = exchange.json();
    Policy policy = requirePolicy(exchange, request);
    if (policy != null) {
      exchange.sendJson(200, batches.create(policy, request.path("name").asText("")));
    }
  }

  /** Sends {@code found}, or a 404 {@code NOT_FOUND} naming {@code what} when it is null. */
  private static void sendOrNotFound(FakeExchange exchange, ObjectNode found, String what)
      throws IOException {
    if (found == null) {
      exchange.sendStatus(404, 5, what + " not found");
    } else {
      exchange.sendJson(200, found);
    }
  }

  private Policy requirePolicy(FakeExchange exchange, JsonNode request) throws IOException {
    String policyId = request.path("policyId").asText("");
    Policy policy = policies.get(policyId);
    if (policy == null) {
      exchange.sendStatus(404, 5, "policy " + policyId + " not found");
    }
    return policy;
  }

  private static boolean requireContent(FakeExchange exchange, JsonNode request)
      throws IOException {
    if (!request.path("contentData").isArray() || request.path("contentData").isEmpty()) {
      exchange.sendStatus(400, 3, "contentData is required");
      return false;
    }
    return true;
  }
}
