package ai.clavata.sdk.labels;

import static ai.clavata.sdk.TestResponses.ok;
import static ai.clavata.sdk.TestResponses.tree;
import static ai.clavata.sdk.labels.LabelsTestSupport.response;
import static ai.clavata.sdk.labels.LabelsTestSupport.result;
import static org.assertj.core.api.Assertions.assertThat;

import ai.clavata.sdk.MockServerTest;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.model.ContentData;
import java.util.Base64;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The EvaluateLabelsRequest body, compared as a JSON tree with the schema's shape. */
class EvaluateLabelsBodyTest extends MockServerTest {

  private RecordedRequest send(EvaluateLabelsRequest request) throws InterruptedException {
    String[] results =
        request.labelVersionIds().stream()
            .map(id -> result(id, 0.1, "OUTCOME_FALSE"))
            .toArray(String[]::new);
    server.enqueue(ok(response(results)));
    client.labels().evaluate(request);
    return server.takeRequest();
  }

  @Test
  void postsToV1LabelsEvaluateAsJsonWithTheKey() throws Exception {
    RecordedRequest recorded = send(LabelsTestSupport.labels("lv-1"));

    assertThat(recorded.getMethod()).isEqualTo("POST");
    assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v1/labels/evaluate");
    assertThat(recorded.getUrl().querySize()).isZero();
    assertThat(recorded.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(recorded.getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + TestClients.API_KEY);
  }

  @Test
  void minimalBodyIsOneContentObjectAndTheIds() throws Exception {
    RecordedRequest recorded = send(LabelsTestSupport.labels("lv-1", "lv-2"));

    assertThat(tree(recorded.getBody().utf8()))
        .isEqualTo(
            tree("{\"contentData\":{\"text\":\"x\"},\"labelVersionIds\":[\"lv-1\",\"lv-2\"]}"));
  }

  @Test
  void everyFieldWithOptionsNestedAndBundleSizeAsAString() throws Exception {
    RecordedRequest recorded =
        send(
            EvaluateLabelsRequest.builder()
                .content(ContentData.text("hello").withMetadata("postId", "42"))
                .addLabelVersionId("lv-1")
                .addAllLabelVersionIds(List.of("lv-2", "lv-3"))
                .threshold(0.6)
                .expedited(true)
                .bypassCache(false)
                .bundleSize(9_007_199_254_740_993L)
                .globalContext("a gaming forum for adults")
                .build());

    assertThat(tree(recorded.getBody().utf8()))
        .isEqualTo(
            tree(
                "{\"contentData\":{\"text\":\"hello\",\"metadata\":{\"postId\":\"42\"}},"
                    + "\"threshold\":0.6,"
                    + "\"labelVersionIds\":[\"lv-1\",\"lv-2\",\"lv-3\"],"
                    + "\"labelEvalOptions\":{\"bypassCache\":false,\"expedited\":true,"
                    + "\"bundleSize\":\"9007199254740993\"},"
                    + "\"globalContext\":\"a gaming forum for adults\"}"));
  }

  @Test
  void oneOptionAloneIsTheOnlyFieldOfLabelEvalOptions() throws Exception {
    RecordedRequest recorded =
        send(
            EvaluateLabelsRequest.builder()
                .content(ContentData.imageUrl("https://example.com/a.png"))
                .addLabelVersionId("lv-1")
                .expedited(false)
                .build());

    assertThat(tree(recorded.getBody().utf8()))
        .isEqualTo(
            tree(
                "{\"contentData\":{\"imageUrl\":\"https://example.com/a.png\"},"
                    + "\"labelVersionIds\":[\"lv-1\"],\"labelEvalOptions\":{\"expedited\":false}}"));
  }

  @Test
  void imageBytesAreStandardBase64() throws Exception {
    byte[] image = {(byte) 0xFB, (byte) 0xFF, (byte) 0xBF, 0x01, 0x02};
    RecordedRequest recorded =
        send(
            EvaluateLabelsRequest.builder()
                .content(ContentData.image(image))
                .addLabelVersionId("lv-1")
                .build());

    assertThat(tree(recorded.getBody().utf8()).path("contentData").path("image").asText())
        .isEqualTo(Base64.getEncoder().encodeToString(image));
  }
}
