package ai.clavata.sdk.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.FakeTiming;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.JobStatus;
import ai.clavata.sdk.model.Webhook;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Mistakes are caught locally, with a message that says what was wrong, and nothing is sent. */
class JobsValidationTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private ClavataClient client;

  @BeforeEach
  void setUp() {
    client = TestClients.client(server, new FakeTiming());
  }

  @AfterEach
  void tearDown() {
    assertThat(server.getRequestCount()).as("no request may be sent").isZero();
    client.close();
  }

  private static CreateJobRequest.Builder valid() {
    return CreateJobRequest.builder().policyId("p").addContent(ContentData.text("hi"));
  }

  @Test
  void missingPolicyId() {
    assertThatThrownBy(() -> CreateJobRequest.builder().addContent(ContentData.text("hi")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("policyId")
        .hasMessageContaining("required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n"})
  void blankPolicyId(String policyId) {
    assertThatThrownBy(() -> valid().policyId(policyId).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("policyId");
  }

  @Test
  void noContent() {
    assertThatThrownBy(() -> CreateJobRequest.builder().policyId("p").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("content")
        .hasMessageContaining("at least one");
  }

  @Test
  void recordConstructorWithNullContentList() {
    assertThatThrownBy(() -> new CreateJobRequest("p", null, null, null, null, false, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one content item");
  }

  @Test
  void itemWithNoContentKind() {
    ContentData empty = new ContentData(null, null, null, Map.of("k", "v"), null);

    assertThatThrownBy(() -> valid().addContent(empty).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contentData[1]")
        .hasMessageContaining("0 content kinds")
        .hasMessageContaining("exactly one");
  }

  @Test
  void itemWithTwoContentKinds() {
    ContentData both = new ContentData("text", new byte[] {1, 2}, null, null, null);

    assertThatThrownBy(() -> CreateJobRequest.builder().policyId("p").addContent(both).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contentData[0]")
        .hasMessageContaining("2 content kinds")
        .hasMessageContaining("exactly one");
  }

  @Test
  void itemWithThreeContentKinds() {
    ContentData all = new ContentData("t", new byte[] {1}, "https://example.com/x.png", null, null);

    assertThatThrownBy(() -> CreateJobRequest.builder().policyId("p").addContent(all).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 content kinds");
  }

  @Test
  void nullItem() {
    assertThatThrownBy(() -> CreateJobRequest.builder().addContent(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("content item");
  }

  @ParameterizedTest
  @ValueSource(
      doubles = {-0.1, 1.1, -1e-9, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void thresholdOutOfRange(double threshold) {
    assertThatThrownBy(() -> valid().threshold(threshold).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threshold")
        .hasMessageContaining("between 0.0 and 1.0")
        .hasMessageContaining(String.valueOf(threshold));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.5, 1.0})
  void thresholdBoundsAreAccepted(double threshold) {
    assertThat(valid().threshold(threshold).build().threshold()).isEqualTo(threshold);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://example.com/hook",
        "ftp://example.com/hook",
        "example.com/hook",
        "https:///no-host",
        "not a url"
      })
  void nonHttpsWebhook(String url) {
    assertThatThrownBy(() -> valid().webhook(Webhook.of(url)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("webhook")
        .hasMessageContaining("url");
  }

  @Test
  void plainHttpWebhookMessageSaysHttps() {
    assertThatThrownBy(() -> Webhook.of("http://example.com/hook"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https")
        .hasMessageContaining("http://example.com/hook");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 1001, Integer.MAX_VALUE})
  void pageSizeOutOfRange(int pageSize) {
    assertThatThrownBy(() -> ListJobsRequest.builder().pageSize(pageSize).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pageSize")
        .hasMessageContaining("between 1 and 1000")
        .hasMessageContaining(String.valueOf(pageSize));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 1000})
  void pageSizeBoundsAreAccepted(int pageSize) {
    assertThat(ListJobsRequest.builder().pageSize(pageSize).build().pageSize()).isEqualTo(pageSize);
  }

  @Test
  void unrecognizedStatusFilter() {
    assertThatThrownBy(() -> ListJobsRequest.builder().status(JobStatus.UNRECOGNIZED).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status")
        .hasMessageContaining("UNRECOGNIZED");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t"})
  void blankJobIdForGet(String jobUuid) {
    assertThatThrownBy(() -> client.jobs().get(jobUuid))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jobUuid")
        .hasMessageContaining("blank");
  }

  @Test
  void nullJobIdForGet() {
    assertThatThrownBy(() -> client.jobs().get(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jobUuid");
  }

  @Test
  void blankJobIdForAwaitCompletion() {
    assertThatThrownBy(() -> client.jobs().awaitCompletion("  ", Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jobUuid");
  }

  @Test
  void nullRequestsAreRefused() {
    assertThatThrownBy(() -> client.jobs().create(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("request");
    assertThatThrownBy(() -> client.jobs().list(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("request");
    assertThatThrownBy(() -> client.jobs().listAll(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("request");
  }

  @Test
  void invalidRangeInListFilter() {
    Instant later = Instant.parse("2026-02-01T00:00:00Z");
    Instant earlier = Instant.parse("2026-01-01T00:00:00Z");

    assertThatThrownBy(
            () -> ListJobsRequest.builder().createdAfter(later).createdBefore(earlier).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("after its end");
  }

  @Test
  void nullOptionValueIsRefused() {
    assertThatThrownBy(() -> valid().option("k", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("'k'");
  }

  @Test
  void requestIsImmutableAfterBuild() {
    CreateJobRequest.Builder builder = valid().option("a", "1");
    CreateJobRequest request = builder.build();
    builder.addContent(ContentData.text("more")).option("b", "2");

    assertThat(request.contentData()).hasSize(1);
    assertThat(request.options()).containsOnlyKeys("a");
  }
}
