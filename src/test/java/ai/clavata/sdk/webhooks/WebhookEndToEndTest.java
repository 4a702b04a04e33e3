package ai.clavata.sdk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.jobs.CreateJobRequest;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.Job;
import ai.clavata.sdk.model.JobStatus;
import ai.clavata.sdk.model.Webhook;
import ai.clavata.sdk.testing.FakeClavataServer;
import ai.clavata.sdk.testing.FakePolicy;
import ai.clavata.sdk.testing.FakeWebhookDelivery;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake server delivers a completed job's webhook; a receiver on the JDK server takes it. */
class WebhookEndToEndTest {
  private static final String SECRET = "s3cret-0123456789abcdef";

  private final FakeClavataServer clavata = FakeClavataServer.start();
  private final ClavataClient client =
      ClavataClient.builder().apiKey(clavata.apiKey()).baseUrl(clavata.baseUrl()).build();
  private final BlockingQueue<Job> received = new LinkedBlockingQueue<>();
  private HttpServer receiver;

  @AfterEach
  void close() {
    client.close();
    clavata.close();
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  /** A receiver that accepts {@code accepted} and queues each job it parses. */
  private String startReceiver(WebhookReceiver accepted) throws IOException {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/hooks/clavata", exchange -> handle(exchange, accepted));
    receiver.start();
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/clavata";
  }

  private void handle(HttpExchange exchange, WebhookReceiver accepted) throws IOException {
    try (exchange) {
      if (!accepted.isAuthentic(exchange.getRequestHeaders()::getFirst)) {
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      received.add(WebhookReceiver.parseJob(exchange.getRequestBody().readAllBytes()));
      exchange.sendResponseHeaders(204, -1);
    }
  }

  private Job createWithWebhook(String url) {
    clavata.policy("p", FakePolicy.keywords("Threats", "hurt"));
    return client
        .jobs()
        .create(
            CreateJobRequest.builder()
                .policyId("p")
                .addContent(ContentData.text("I will hurt you"))
                .webhook(Webhook.of(url).withHeader("Token", SECRET))
                .build());
  }

  @Test
  void theReceiverVerifiesTheSecretAndParsesTheCompletedJob() throws Exception {
    String url = startReceiver(WebhookReceiver.withSharedSecret("Token", SECRET));
    Job created = createWithWebhook(url);

    Job delivered = received.poll(10, TimeUnit.SECONDS);
    assertThat(delivered).isNotNull();
    assertThat(delivered.jobUuid()).isEqualTo(created.jobUuid());
    assertThat(delivered.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(delivered.reports()).hasSize(1);
    List<FakeWebhookDelivery> deliveries =
        clavata.awaitWebhookDeliveries(1, Duration.ofSeconds(10));
    assertThat(deliveries).singleElement().satisfies(d -> assertThat(d.status()).isEqualTo(204));
  }

  @Test
  void aWrongSecretIsRefused() throws Exception {
    String url =
        startReceiver(WebhookReceiver.withSharedSecret("Token", "another-secret-0123456789"));
    createWithWebhook(url);

    List<FakeWebhookDelivery> deliveries =
        clavata.awaitWebhookDeliveries(1, Duration.ofSeconds(10));
    assertThat(deliveries).singleElement().satisfies(d -> assertThat(d.status()).isEqualTo(401));
    assertThat(received).isEmpty();
  }

  @Test
  void aRotatedSecretIsStillAccepted() throws Exception {
    String url =
        startReceiver(
            WebhookReceiver.withSharedSecret("Token", "the-new-secret-0123456789")
                .orSecret(SECRET));
    createWithWebhook(url);

    assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull();
  }
}
