package ai.clavata.sdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.errors.PermissionDeniedException;
import ai.clavata.sdk.internal.Json;
import ai.clavata.sdk.labels.EvaluateLabelsRequest;
import ai.clavata.sdk.labels.LabelEvaluation;
import ai.clavata.sdk.labels.LabelResult;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.Job;
import ai.clavata.sdk.model.JobStatus;
import ai.clavata.sdk.model.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/labels/evaluate} against the fake server, through the real client. */
class FakeLabelsEndToEndTest {
  private FakeClavataServer server;
  private ClavataClient client;

  @BeforeEach
  void setUp() {
    server =
        FakeClavataServer.start()
            .label("lv-threats", FakePolicy.keywords("Threats", "kill", "bomb"))
            .label("lv-spam", FakePolicy.regex("Spam", "(?i)buy now").withScore(0.7));
    client =
        ClavataClient.builder()
            .apiKey(server.apiKey())
            .baseUrl(server.baseUrl())
            .maxRetries(0)
            .build();
  }

  @AfterEach
  void tearDown() {
    client.close();
    server.close();
  }

  private static EvaluateLabelsRequest.Builder request(String text) {
    return EvaluateLabelsRequest.builder()
        .content(ContentData.text(text).withMetadata("postId", "7"));
  }

  @Test
  void evaluatesEachLabelVersionInRequestOrder() {
    LabelEvaluation evaluation =
        client
            .labels()
            .evaluate(
                request("I will bomb it, buy now")
                    .addLabelVersionId("lv-spam")
                    .addLabelVersionId("lv-threats")
                    .build());

    assertThat(evaluation.contentHash()).matches("fnv1a128::[0-9a-f]{32}");
    assertThat(evaluation.results())
        .extracting(LabelResult::labelVersionId)
        .containsExactly("lv-spam", "lv-threats");
    LabelResult spam = evaluation.results().get(0);
    assertThat(spam.outcome()).isEqualTo(Outcome.TRUE);
    assertThat(spam.score()).isEqualTo(0.7);
    assertThat(spam.threshold()).isEqualTo(0.5);
    assertThat(spam.labelId()).isNotEmpty();
    assertThat(spam.error()).isEmpty();
    assertThat(spam.report().matchedLabels()).containsOnlyKeys("Spam");
    assertThat(spam.report().labelVersionId()).isEqualTo("lv-spam");
    assertThat(spam.report().contentMetadata()).containsEntry("postId", "7");
    assertThat(spam.jobUuid()).isNotEqualTo(evaluation.results().get(1).jobUuid());
  }

  @Test
  void theThresholdDecidesTheOutcome() {
    LabelEvaluation evaluation =
        client
            .labels()
            .evaluate(request("buy now").addLabelVersionId("lv-spam").threshold(0.8).build());

    LabelResult spam = evaluation.results().get(0);
    assertThat(spam.score()).isEqualTo(0.7);
    assertThat(spam.threshold()).isEqualTo(0.8);
    assertThat(spam.outcome()).isEqualTo(Outcome.FALSE);
  }

  @Test
  void anUnknownLabelVersionFailsAloneWhileTheOthersSucceed() {
    LabelEvaluation evaluation =
        client
            .labels()
            .evaluate(
                request("kill")
                    .addLabelVersionId("lv-threats")
                    .addLabelVersionId("lv-nope")
                    .build());

    assertThat(evaluation.results().get(0).matched()).isTrue();
    LabelResult nope = evaluation.results().get(1);
    assertThat(nope.labelVersionId()).isEqualTo("lv-nope");
    assertThat(nope.error()).hasValueSatisfying(e -> assertThat(e).contains("lv-nope"));
    assertThat(nope.report()).isNull();
    assertThat(evaluation.failures()).containsExactly(nope);
  }

  @Test
  void eachLabelVersionIsAJobThatCanBeRead() {
    LabelResult threats =
        client
            .labels()
            .evaluate(request("kill").addLabelVersionId("lv-threats").build())
            .results()
            .get(0);

    Job job = client.jobs().get(threats.jobUuid());
    assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(job.reports().get(0).labelVersionId()).isEqualTo("lv-threats");
    assertThat(job.reports().get(0).outcome()).isEqualTo(Outcome.TRUE);
  }

  @Test
  void theAsyncClientEvaluatesToo() throws Exception {
    LabelEvaluation evaluation =
        client
            .async()
            .labels()
            .evaluate(request("hello").addLabelVersionId("lv-threats").build())
            .get(10, TimeUnit.SECONDS);

    assertThat(evaluation.results().get(0).outcome()).isEqualTo(Outcome.FALSE);
    assertThat(server.requests()).extracting(FakeRequest::path).contains("/v1/labels/evaluate");
  }

  @Test
  void anInjectedRefusalReachesTheCallerWithTheLabelFirstHint() {
    server.failNext(
        FakeEndpoint.LABELS, 1, FakeFailure.status(403, 7, "this account is not label-first"));
    EvaluateLabelsRequest request = request("kill").addLabelVersionId("lv-threats").build();

    assertThatThrownBy(() -> client.labels().evaluate(request))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("this account is not label-first")
        .hasMessageContaining("ask Clavata to enable labels");
    assertThat(client.labels().evaluate(request).results()).hasSize(1);
  }

  @Test
  void theFakeRefusesWhatTheApiRefuses() throws Exception {
    OkHttpClient http = new OkHttpClient();
    String list = "{\"contentData\":[{\"text\":\"a\"}],\"labelVersionIds\":[\"lv-threats\"]}";
    String none = "{\"contentData\":{\"text\":\"a\"},\"labelVersionIds\":[]}";
    try {
      for (String body : new String[] {list, none}) {
        Request request =
            new Request.Builder()
                .url(server.baseUrl() + "/v1/labels/evaluate")
                .header("Authorization", "Bearer " + server.apiKey())
                .post(RequestBody.create(body, MediaType.get("application/json")))
                .build();
        try (Response response = http.newCall(request).execute()) {
          assertThat(response.code()).as(body).isEqualTo(400);
          JsonNode status = Json.MAPPER.readTree(response.body().string());
          assertThat(status.path("code").asInt()).isEqualTo(3);
        }
      }
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
