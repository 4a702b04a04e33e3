package ai.clavata.sdk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import ai.clavata.sdk.internal.Json;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentDataTest {

  // --- factories

  @Test
  void textSetsOnlyText() {
    ContentData item = ContentData.text("hello");
    assertThat(item.contentKindCount()).isEqualTo(1);
    assertThat(item.text()).isEqualTo("hello");
    assertThat(item.image()).isNull();
    assertThat(item.imageUrl()).isNull();
    assertThat(item.metadata()).isNotNull().isEmpty();
    assertThat(item.contentHash()).isNull();
  }

  @Test
  void imageSetsOnlyImage() {
    ContentData item = ContentData.image(new byte[] {1, 2, 3});
    assertThat(item.contentKindCount()).isEqualTo(1);
    assertThat(item.image()).containsExactly(1, 2, 3);
    assertThat(item.text()).isNull();
    assertThat(item.imageUrl()).isNull();
    assertThat(item.metadata()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.com/cat.png",
        "http://example.com/cat.png",
        "HTTPS://EXAMPLE.COM/x.jpg"
      })
  void imageUrlSetsOnlyTheUrl(String url) {
    ContentData item = ContentData.imageUrl(url);
    assertThat(item.contentKindCount()).isEqualTo(1);
    assertThat(item.imageUrl()).isEqualTo(url);
    assertThat(item.text()).isNull();
    assertThat(item.image()).isNull();
  }

  @Test
  void metadataDoesNotChangeTheContentKind() {
    assertThat(ContentData.text("a").withMetadata("k", "v").contentKindCount()).isEqualTo(1);
    assertThat(ContentData.image(new byte[] {9}).withMetadata("k", "v").image()).containsExactly(9);
    assertThat(ContentData.imageUrl("https://x.test/a.png").withMetadata("k", "v").imageUrl())
        .isEqualTo("https://x.test/a.png");
  }

  // --- invalid arguments

  @Test
  void nullTextIsRejectedWithAMessage() {
    assertThatThrownBy(() -> ContentData.text(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("text must not be null");
  }

  @Test
  void nullOrEmptyImageIsRejectedWithAMessage() {
    assertThatThrownBy(() -> ContentData.image(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("image must not be null");
    assertThatThrownBy(() -> ContentData.image(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("image must not be empty");
  }

  @Test
  void nullImageUrlIsRejectedWithAMessage() {
    assertThatThrownBy(() -> ContentData.imageUrl(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("imageUrl must not be null");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "example.com/cat.png",
        "/relative/cat.png",
        "ftp://example.com/cat.png",
        "file:///etc/passwd",
        "data:image/png;base64,AAAA"
      })
  void imageUrlMustBeHttpOrHttps(String url) {
    assertThatThrownBy(() -> ContentData.imageUrl(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http(s)")
        .hasMessageContaining(url);
  }

  @Test
  void nullMetadataKeyOrValueIsRejectedWithAMessage() {
    ContentData item = ContentData.text("a");
    assertThatThrownBy(() -> item.withMetadata(null, "v"))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("metadata key must not be null");
    assertThatThrownBy(() -> item.withMetadata("postId", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("postId")
        .hasMessageContaining("must not be null");
  }

  // --- defensive copies

  @Test
  void mutatingTheInputArrayDoesNotChangeTheItem() {
    byte[] bytes = {1, 2, 3};
    ContentData item = ContentData.image(bytes);
    bytes[0] = 42;
    assertThat(item.image()).containsExactly(1, 2, 3);

    byte[] viaConstructor = {4, 5};
    ContentData constructed = new ContentData(null, viaConstructor, null, null, null);
    viaConstructor[1] = 0;
    assertThat(constructed.image()).containsExactly(4, 5);
  }

  @Test
  void mutatingTheReturnedArrayDoesNotChangeTheItem() {
    ContentData item = ContentData.image(new byte[] {1, 2, 3});
    byte[] returned = item.image();
    returned[0] = 42;
    assertThat(item.image()).containsExactly(1, 2, 3);
    assertThat(item.image()).isNotSameAs(item.image());
  }

  @Test
  void constructorCopiesTheMetadataMap() {
    Map<String, String> source = new LinkedHashMap<>();
    source.put("a", "1");
    ContentData item = new ContentData("t", null, null, source, null);
    source.put("b", "2");
    assertThat(item.metadata()).containsExactly(entry("a", "1"));
    assertThatThrownBy(() -> item.metadata().put("c", "3"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  // --- equality

  @Test
  void equalsAndHashCodeCompareImageContent() {
    ContentData a = ContentData.image(new byte[] {1, 2, 3});
    ContentData b = ContentData.image(new byte[] {1, 2, 3});
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(ContentData.image(new byte[] {1, 2, 4}));
    assertThat(a).isNotEqualTo(ContentData.image(new byte[] {1, 2, 3}).withMetadata("k", "v"));
    assertThat(a.withMetadata("k", "v"))
        .isEqualTo(b.withMetadata("k", "v"))
        .hasSameHashCodeAs(b.withMetadata("k", "v"));
  }

  @Test
  void equalsComparesEveryComponent() {
    assertThat(ContentData.text("a"))
        .isEqualTo(ContentData.text("a"))
        .hasSameHashCodeAs(ContentData.text("a"));
    assertThat(ContentData.text("a")).isNotEqualTo(ContentData.text("b"));
    assertThat(ContentData.imageUrl("https://x.test/a"))
        .isEqualTo(ContentData.imageUrl("https://x.test/a"));
    assertThat(ContentData.imageUrl("https://x.test/a"))
        .isNotEqualTo(ContentData.imageUrl("https://x.test/b"));
    assertThat(new ContentData(null, null, null, null, "md5::1"))
        .isNotEqualTo(new ContentData(null, null, null, null, "md5::2"))
        .isEqualTo(new ContentData(null, null, null, Map.of(), "md5::1"));
    assertThat(ContentData.text("a")).isNotEqualTo(null).isNotEqualTo("a");
  }

  // --- withMetadata

  @Test
  void withMetadataKeepsInsertionOrderAndLeavesTheOriginalUnchanged() {
    ContentData original = ContentData.text("hello");
    ContentData tagged =
        original.withMetadata("zeta", "1").withMetadata("alpha", "2").withMetadata("mid", "3");

    assertThat(tagged.metadata())
        .containsExactly(entry("zeta", "1"), entry("alpha", "2"), entry("mid", "3"));
    assertThat(original.metadata()).isEmpty();
    assertThat(tagged.text()).isEqualTo("hello");
    assertThatThrownBy(() -> tagged.metadata().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void withMetadataMapAddsInOrderAndLaterEntriesWin() {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("b", "2");
    entries.put("a", "new");
    ContentData item = ContentData.text("t").withMetadata("a", "old").withMetadata(entries);
    assertThat(item.metadata()).containsExactly(entry("a", "new"), entry("b", "2"));
  }

  @Test
  void withMetadataKeepsTheImage() {
    ContentData item = ContentData.image(new byte[] {7, 8}).withMetadata("k", "v");
    assertThat(item.image()).containsExactly(7, 8);
    assertThat(item.contentKindCount()).isEqualTo(1);
  }

  // --- toString

  @Test
  void toStringAbbreviatesLongText() {
    String text = "x".repeat(60) + "SECRET-TAIL" + "y".repeat(200);
    String shown = ContentData.text(text).toString();
    assertThat(shown)
        .contains("x".repeat(60))
        .contains("…")
        .doesNotContain("SECRET-TAIL")
        .doesNotContain("y");
    assertThat(shown.length()).isLessThan(120);
  }

  @Test
  void toStringShowsShortTextWhole() {
    assertThat(ContentData.text("hello").withMetadata("postId", "42").toString())
        .contains("hello")
        .contains("postId=42")
        .doesNotContain("…");
  }

  @Test
  void toStringNeverDumpsImageBytes() {
    byte[] bytes = new byte[1000];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 7);
    }
    String shown = ContentData.image(bytes).toString();
    assertThat(shown).contains("1000 bytes");
    assertThat(shown).doesNotContain(Base64.getEncoder().encodeToString(bytes).substring(0, 16));
    assertThat(shown).doesNotContain("[0, 7, 14");
    assertThat(shown).doesNotContain("[B@");
    assertThat(shown.length()).isLessThan(100);
  }

  @Test
  void toStringOfAnEchoedItemNamesTheHash() {
    assertThat(new ContentData(null, null, null, Map.of(), "md5::abc").toString())
        .contains("no content")
        .contains("md5::abc");
  }

  // --- JSON

  @Test
  void parsesBase64ImageFromJson() throws Exception {
    ContentData item =
        Json.MAPPER.readValue(
            "{\"image\": \"AQID\", \"metadata\": {\"k\": \"v\"}}", ContentData.class);
    assertThat(item.image()).containsExactly(1, 2, 3);
    assertThat(item.metadata()).containsExactly(entry("k", "v"));
    assertThat(item).isEqualTo(ContentData.image(new byte[] {1, 2, 3}).withMetadata("k", "v"));
  }
}
