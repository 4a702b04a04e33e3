package ai.clavata.sdk.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.MockServerTest;
import ai.clavata.sdk.model.ContentData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Requests are checked before anything is sent, with messages that say what to fix. */
class LabelsValidationTest extends MockServerTest {

  private static EvaluateLabelsRequest.Builder oneLabel() {
    return EvaluateLabelsRequest.builder().addLabelVersionId("lv-1");
  }

  @Test
  void contentIsRequired() {
    assertThatThrownBy(() -> oneLabel().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("content is required")
        .hasMessageContaining("content(ContentData.text(");
  }

  @Test
  void contentWithTwoKindsIsRefused() {
    ContentData both = new ContentData("text", null, "https://example.com/a.png", null, null);

    assertThatThrownBy(() -> oneLabel().content(both).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("content has 2 content kinds set")
        .hasMessageContaining("exactly one of text, image or imageUrl");
  }

  @Test
  void contentWithNoKindIsRefused() {
    ContentData none = new ContentData(null, null, null, null, null);

    assertThatThrownBy(() -> oneLabel().content(none).build())
        .hasMessageContaining("content has 0 content kinds set");
  }

  @Test
  void aSecondContentItemIsRefusedAtBuild() {
    EvaluateLabelsRequest.Builder builder =
        oneLabel().content(ContentData.text("a")).content(ContentData.text("b"));

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("content(...) was called 2 times")
        .hasMessageContaining("one request per item");
  }

  @Test
  void atLeastOneLabelVersionIsRequired() {
    assertThatThrownBy(() -> EvaluateLabelsRequest.builder().content(ContentData.text("a")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one label version id is required")
        .hasMessageContaining("addLabelVersionId");
  }

  @Test
  void tenLabelVersionsAreAllowedElevenAreNot() {
    List<String> ten = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ten.add("lv-" + i);
    }
    EvaluateLabelsRequest request =
        EvaluateLabelsRequest.builder()
            .content(ContentData.text("a"))
            .addAllLabelVersionIds(ten)
            .build();
    assertThat(request.labelVersionIds()).hasSize(10);

    EvaluateLabelsRequest.Builder eleven =
        EvaluateLabelsRequest.builder()
            .content(ContentData.text("a"))
            .addAllLabelVersionIds(ten)
            .addLabelVersionId("lv-10");
    assertThatThrownBy(eleven::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("11 label version ids were given")
        .hasMessageContaining("at most 10")
        .hasMessageContaining("split them");
  }

  @Test
  void blankAndNullIdsAreNamedByPosition() {
    assertThatThrownBy(
            () -> oneLabel().content(ContentData.text("a")).addLabelVersionId(" ").build())
        .hasMessageContaining("labelVersionIds[1] is blank");
    assertThatThrownBy(
            () ->
                EvaluateLabelsRequest.builder()
                    .content(ContentData.text("a"))
                    .addAllLabelVersionIds(Arrays.asList((String) null))
                    .build())
        .hasMessageContaining("labelVersionIds[0] is null");
  }

  @Test
  void aRepeatedIdIsRefusedBecauseEachIsBilled() {
    assertThatThrownBy(
            () -> oneLabel().content(ContentData.text("a")).addLabelVersionId("lv-1").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("labelVersionIds[1] repeats 'lv-1'")
        .hasMessageContaining("billed");
  }

  @Test
  void thresholdMustBeBetweenZeroAndOne() {
    EvaluateLabelsRequest.Builder above = oneLabel().content(ContentData.text("a")).threshold(1.5);
    EvaluateLabelsRequest.Builder nan =
        oneLabel().content(ContentData.text("a")).threshold(Double.NaN);

    assertThatThrownBy(above::build)
        .hasMessageContaining("threshold must be between 0.0 and 1.0 inclusive, but was 1.5");
    assertThatThrownBy(nan::build).hasMessageContaining("but was NaN");
    assertThat(oneLabel().content(ContentData.text("a")).threshold(0).build().threshold())
        .isEqualTo(0.0);
    assertThat(oneLabel().content(ContentData.text("a")).threshold(1).build().threshold())
        .isEqualTo(1.0);
  }

  @Test
  void bundleSizeMustBePositive() {
    assertThatThrownBy(() -> oneLabel().content(ContentData.text("a")).bundleSize(0).build())
        .hasMessageContaining("bundleSize must be positive, but was 0");
  }

  @Test
  void theRecordIsImmutable() {
    List<String> ids = new ArrayList<>(List.of("lv-1"));
    EvaluateLabelsRequest request =
        new EvaluateLabelsRequest(ContentData.text("a"), ids, null, null, null, null, null);
    ids.add("lv-2");

    assertThat(request.labelVersionIds()).containsExactly("lv-1");
    assertThatThrownBy(() -> request.labelVersionIds().add("lv-3"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aNullRequestFailsBeforeSendingAndTheAsyncFutureFailsToo() {
    assertThatThrownBy(() -> client.labels().evaluate(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("request must not be null");
    assertThatThrownBy(() -> client.async().labels().evaluate(null).get())
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(NullPointerException.class);
    assertThat(server.getRequestCount()).isZero();
  }
}
