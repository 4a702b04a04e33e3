package ai.clavata.sdk.jobs;

import static ai.clavata.sdk.TestRequests.createJob;
import static ai.clavata.sdk.TestResponses.ok;
import static ai.clavata.sdk.TestResponses.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.Fixtures;
import ai.clavata.sdk.MockServerTest;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.errors.ServerException;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.Job;
import ai.clavata.sdk.model.JobStatus;
import ai.clavata.sdk.model.Outcome;
import ai.clavata.sdk.model.Webhook;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class CreateJobTest extends MockServerTest {

  private RecordedRequest create(CreateJobRequest request) throws InterruptedException {
    server.enqueue(ok(Fixtures.read("job-completed.json")));
    client.jobs().create(request);
    return server.takeRequest();
  }

  @Test
  void postsToV1JobsAsJson() throws Exception {
    RecordedRequest recorded =
        create(CreateJobRequest.builder().policyId("p").addContent(ContentData.text("hi")).build());

    assertThat(recorded.getMethod()).isEqualTo("POST");
    assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v1/jobs");
    assertThat(recorded.getUrl().querySize()).isZero();
    assertThat(recorded.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(recorded.getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + TestClients.API_KEY);
  }

  @Test
  void minimalBodyOmitsEveryUnsetOptional() throws Exception {
    RecordedRequest recorded =
        create(CreateJobRequest.builder().policyId("p").addContent(ContentData.text("hi")).build());

    assertThat(tree(recorded.getBody().utf8()))
        .isEqualTo(tree("{\"contentData\":[{\"text\":\"hi\"}],\"policyId\":\"p\"}"));
  }

  @Test
  void textItemWithMetadata() throws Exception {
    RecordedRequest recorded =
        create(
            CreateJobRequest.builder()
                .policyId("policy-1")
                .addContent(
                    ContentData.text("hello")
                        .withMetadata("postId", "42")
                        .withMetadata("lang", "en"))
                .build());

    assertThat(tree(recorded.getBody().utf8()))
        .isEqualTo(
            tree(
                "{\"contentData\":[{\"text\":\"hello\",\"metadata\":{\"postId\":\"42\",\"lang\":\"en\"}}],"
                    + "\"policyId\":\"policy-1\"}"));
  }

  @Test
  void imageBytesAreStandardPaddedBase64() throws Exception {
    // 0xFB 0xFF needs '+' and '/' in the standard alphabet; 5 bytes need one '=' of padding.
    byte[] image = {(byte) 0xFB, (byte) 0xFF, (byte) 0xBF, 0x01, 0x02};
    String expected = Base64.getEncoder().encodeToString(image);
    assertThat(expected).contains("+").contains("/").endsWith("=");

    RecordedRequest recorded =
        create(
            CreateJobRequest.builder().policyId("p").addContent(ContentData.image(image)).build());

    assertThat(tree(recorded.getBody().utf8()))
        .isEqualTo(tree("{\"contentData\":[{\"image\":\"" + expected + "\"}],\"policyId\":\"p\"}"));
  }

  @Test
  void imageUrlItem() throws Exception {
    RecordedRequest recorded =
        create(
            CreateJobRequest.builder()
                .policyId("p")
                .addContent(ContentData.imageUrl("https://example.com/cat.png?size=large&x=1"))
                .build());

    assertThat(tree(recorded.getBody().utf8()))
        .isEqualTo(
            tree(
                "{\"contentData\":[{\"imageUrl\":\"https://example.com/cat.png?size=large&x=1\"}],"
                    + "\"policyId\":\"p\"}"));
  }

  @Test
  void severalItemsKeepTheirOrder() throws Exception {
    RecordedRequest recorded =
        create(
            CreateJobRequest.builder()
                .policyId("p")
                .addContent(ContentData.text("one"))
                .addAllContent(
                    List.of(
                        ContentData.imageUrl("https://example.com/2.png"),
                        ContentData.text("three")))
                .build());

    assertThat(tree(recorded.getBody().utf8()))
        .isEqualTo(
            tree(
                "{\"contentData\":[{\"text\":\"one\"},{\"imageUrl\":\"https://example.com/2.png\"},"
                    + "{\"text\":\"three\"}],\"policyId\":\"p\"}"));
  }

  @Test
  void everyOptionalField() throws Exception {
    RecordedRequest recorded =
        create(
            CreateJobRequest.builder()
                .policyId("p")
                .addContent(ContentData.text("hi"))
                .threshold(0.7)
                .expedited(true)
                .waitForCompletion(true)
                .webhook(Webhook.of("https://example.com/hook").withHeader("Token", "s3cret"))
                .option("k", "v")
                .option("expedited", "false")
                .build());

    assertThat(tree(recorded.getBody().utf8()))
        .isEqualTo(
            tree(
                "{\"contentData\":[{\"text\":\"hi\"}],\"policyId\":\"p\",\"threshold\":0.7,"
                    + "\"expedited\":true,\"waitForCompletion\":true,"
                    + "\"webhook\":{\"url\":\"https://example.com/hook\","
                    + "\"extraHeaders\":{\"Token\":\"s3cret\"}},"
                    + "\"options\":{\"options\":{\"k\":\"v\",\"expedited\":\"false\"}}}"));
  }

  @Test
  void thresholdBoundsAndExpeditedFalseAreSent() throws Exception {
    RecordedRequest recorded =
        create(
            CreateJobRequest.builder()
                .policyId("p")
                .addContent(ContentData.text("hi"))
                .threshold(0.0)
                .expedited(false)
                .build());

    assertThat(tree(recorded.getBody().utf8()))
        .isEqualTo(
            tree(
                "{\"contentData\":[{\"text\":\"hi\"}],\"policyId\":\"p\",\"threshold\":0.0,"
                    + "\"expedited\":false}"));
  }

  @Test
  void waitForCompletionFalseIsOmittedEntirely() throws Exception {
    RecordedRequest recorded =
        create(
            CreateJobRequest.builder()
                .policyId("p")
                .addContent(ContentData.text("hi"))
                .waitForCompletion(true)
                .waitForCompletion(false)
                .build());

    String body = recorded.getBody().utf8();
    assertThat(tree(body).has("waitForCompletion")).isFalse();
    assertThat(body).doesNotContain("waitForCompletion");
    assertThat(tree(body))
        .isEqualTo(tree("{\"contentData\":[{\"text\":\"hi\"}],\"policyId\":\"p\"}"));
  }

  @Test
  void webhookWithoutHeadersSendsOnlyTheUrl() throws Exception {
    RecordedRequest recorded =
        create(
            CreateJobRequest.builder()
                .policyId("p")
                .addContent(ContentData.text("hi"))
                .webhook(Webhook.of("https://example.com/hook"))
                .build());

    assertThat(tree(recorded.getBody().utf8()))
        .isEqualTo(
            tree(
                "{\"contentData\":[{\"text\":\"hi\"}],\"policyId\":\"p\","
                    + "\"webhook\":{\"url\":\"https://example.com/hook\"}}"));
  }

  @Test
  void optionsAreDoublyNested() throws Exception {
    RecordedRequest recorded =
        create(
            CreateJobRequest.builder()
                .policyId("p")
                .addContent(ContentData.text("hi"))
                .option("k", "v")
                .build());

    assertThat(tree(recorded.getBody().utf8()).get("options"))
        .isEqualTo(tree("{\"options\":{\"k\":\"v\"}}"));
  }

  @Test
  void nonAsciiTextIsSentAsUtf8() throws Exception {
    RecordedRequest recorded =
        create(
            CreateJobRequest.builder()
                .policyId("p")
                .addContent(ContentData.text("héllo \"wörld\" \u2603 \n tab\t"))
                .build());

    String body = new String(recorded.getBody().toByteArray(), StandardCharsets.UTF_8);
    assertThat(tree(body).get("contentData").get(0).get("text").asText())
        .isEqualTo("héllo \"wörld\" \u2603 \n tab\t");
  }

  @Test
  void parsesTheReturnedJob() {
    server.enqueue(ok(Fixtures.read("job-completed.json")));

    Job job =
        client
            .jobs()
            .create(
                CreateJobRequest.builder()
                    .policyId("p")
                    .addContent(ContentData.text("hello"))
                    .waitForCompletion(true)
                    .build());

    assertThat(job.jobUuid()).isEqualTo("7f6c1f0e-3b7a-4c56-9d3e-0a1b2c3d4e5f");
    assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(job.isTerminal()).isTrue();
    assertThat(job.policyId()).isEqualTo("11111111-2222-4333-8444-555555555555");
    assertThat(job.created()).isEqualTo(Instant.parse("2025-07-10T20:47:27Z"));
    assertThat(job.completed()).isEqualTo(Instant.parse("2025-07-10T20:47:28.123456789Z"));
    assertThat(job.threshold()).isEqualTo(0.5);
    assertThat(job.contentData()).hasSize(1);
    assertThat(job.contentData().get(0).metadata()).containsEntry("postId", "42");
    assertThat(job.results()).hasSize(1);
    assertThat(job.reports()).hasSize(1);
    assertThat(job.reports().get(0).outcome()).isEqualTo(Outcome.TRUE);
  }

  @Test
  void okResponseWithoutJobIsADecodeError() {
    server.enqueue(ok("{\"somethingElse\":{}}"));
    CreateJobRequest request = createJob();

    assertThatThrownBy(() -> client.jobs().create(request))
        .isInstanceOf(ClavataDecodeException.class)
        .hasMessageContaining("job");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void okResponseWithNullJobIsADecodeError() {
    server.enqueue(ok("{\"job\":null}"));
    CreateJobRequest request = createJob();

    assertThatThrownBy(() -> client.jobs().create(request))
        .isInstanceOf(ClavataDecodeException.class)
        .hasMessageContaining("\"job\"");
  }

  @Test
  void truncatedJsonIsADecodeErrorWithAnExcerpt() {
    server.enqueue(ok("{\"job\": {\"jobUuid\": \"abc-truncated\", \"status\": \"JOB_STA"));
    CreateJobRequest request = createJob();

    assertThatThrownBy(() -> client.jobs().create(request))
        .isInstanceOfSatisfying(
            ClavataDecodeException.class,
            e -> {
              assertThat(e.excerpt()).contains("abc-truncated");
              assertThat(e.getMessage()).contains("abc-truncated").contains("/v1/jobs");
            });
  }

  @Test
  void htmlBodyIsADecodeErrorWithAnExcerpt() {
    server.enqueue(ok("<html><body>Gateway says hi</body></html>"));
    CreateJobRequest request = createJob();

    assertThatThrownBy(() -> client.jobs().create(request))
        .isInstanceOf(ClavataDecodeException.class)
        .hasMessageContaining("Gateway says hi");
  }

  @Test
  void decodeErrorExcerptNeverShowsTheKey() {
    server.enqueue(ok("{\"job\": {\"echo\": \"Bearer " + TestClients.API_KEY + "\""));
    CreateJobRequest request = createJob();

    assertThatThrownBy(() -> client.jobs().create(request))
        .isInstanceOfSatisfying(
            ClavataDecodeException.class,
            e -> {
              assertThat(e.getMessage()).doesNotContain(TestClients.API_KEY).contains("echo");
              assertThat(e.excerpt()).doesNotContain(TestClients.API_KEY);
            });
  }

  @Test
  void serverErrorOnCreateIsNotRetriedByDefault() {
    server.enqueue(
        new MockResponse.Builder().code(500).body("{\"code\":13,\"message\":\"boom\"}").build());
    server.enqueue(ok(Fixtures.read("job-completed.json")));
    CreateJobRequest request = createJob();

    assertThatThrownBy(() -> client.jobs().create(request)).isInstanceOf(ServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void serverErrorOnCreateIsRetriedWhenOptedIn() throws Exception {
    server.enqueue(
        new MockResponse.Builder().code(500).body("{\"code\":13,\"message\":\"boom\"}").build());
    server.enqueue(ok(Fixtures.read("job-completed.json")));
    CreateJobRequest request = createJob();

    try (ClavataClient retrying = client.withOptions(o -> o.retryNonIdempotent(true))) {
      assertThat(retrying.jobs().create(request).status()).isEqualTo(JobStatus.COMPLETED);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    String firstBody = server.takeRequest().getBody().utf8();
    assertThat(tree(server.takeRequest().getBody().utf8())).isEqualTo(tree(firstBody));
  }

  @Test
  void trailingGarbageIsADecodeError() {
    server.enqueue(ok(Fixtures.read("job-completed.json") + " }garbage"));
    CreateJobRequest request = createJob();

    assertThatThrownBy(() -> client.jobs().create(request))
        .isInstanceOf(ClavataDecodeException.class);
  }
}
