package ai.clavata.sdk.testing;

import ai.clavata.sdk.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Delivers webhooks as Clavata does: once a job with a webhook has completed, it POSTs the job as
 * JSON to the webhook's URL with each extra header as {@code X-Webhook-<name>}, after the create
 * call has been answered. Every delivery is recorded, with the status the receiver answered.
 */
final class FakeWebhooks {
  private final Executor executor;
  private final List<FakeWebhookDelivery> deliveries = new ArrayList<>(); // guarded by itself

  FakeWebhooks(Executor executor) {
    this.executor = executor;
  }

  /** Delivers {@code job} later if {@code request} asked for a webhook. */
  void deliverIfAsked(JsonNode request, ObjectNode job) {
    JsonNode webhook = request.path("webhook");
    String url = webhook.path("url").asText("");
    if (url.isEmpty()) {
      return;
    }
    executor.execute(() -> deliver(url, webhook.path("extraHeaders"), job));
  }

  List<FakeWebhookDelivery> deliveries() {
    synchronized (deliveries) {
      return List.copyOf(deliveries);
    }
  }

  /** Waits until {@code count} deliveries were made, at most {@code timeout}. */
  List<FakeWebhookDelivery> await(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (deliveries) {
      while (deliveries.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException(
              "expected "
                  + count
                  + " webhook deliveries within "
                  + timeout
                  + ", got "
                  + deliveries);
        }
        TimeUnit.NANOSECONDS.timedWait(deliveries, left);
      }
      return List.copyOf(deliveries);
    }
  }

  private void record(FakeWebhookDelivery delivery) {
    synchronized (deliveries) {
      deliveries.add(delivery);
      deliveries.notifyAll();
    }
  }

  private void deliver(String url, JsonNode extraHeaders, ObjectNode job) {
    String jobUuid = job.path("jobUuid").asText();
    try {
      HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setConnectTimeout(5_000);
      connection.setReadTimeout(10_000);
      connection.setRequestProperty("Content-Type", "application/json");
      for (Map.Entry<String, JsonNode> header : extraHeaders.properties()) {
        connection.setRequestProperty("X-Webhook-" + header.getKey(), header.getValue().asText());
      }
      byte[] body = Json.MAPPER.writeValueAsBytes(job);
      connection.setFixedLengthStreamingMode(body.length);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body);
      }
      int status = connection.getResponseCode();
      connection.disconnect();
      record(new FakeWebhookDelivery(url, jobUuid, status, null));
    } catch (IOException | RuntimeException e) {
      record(new FakeWebhookDelivery(url, jobUuid, 0, e.toString()));
    }
  }
}
