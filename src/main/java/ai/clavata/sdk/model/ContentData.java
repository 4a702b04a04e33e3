package ai.clavata.sdk.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One piece of content to evaluate: a text, an image, or an image URL, plus optional metadata that
 * the service echoes back on the report as {@link PolicyEvaluationReport#contentMetadata()}.
 *
 * <pre>{@code
 * ContentData.text("hello").withMetadata("postId", "42");
 * ContentData.image(Files.readAllBytes(path));      // sent as base64
 * ContentData.imageUrl("https://example.com/cat.png");
 * }</pre>
 *
 * <p>Create items with the static factories, which set exactly one content kind. Jobs returned by
 * the API echo their content items back, sometimes with only {@link #contentHash()} and {@link
 * #metadata()} set, so every content accessor may return {@code null} on a parsed item.
 *
 * @param text the text to evaluate, or {@code null}
 * @param image the raw image bytes (webp, png or jpg), or {@code null}
 * @param imageUrl a publicly reachable image URL, or {@code null}
 * @param metadata caller key/values echoed back on the report; never {@code null}
 * @param contentHash the server-computed hash, with its algorithm prefix; {@code null} on requests
 */
public record ContentData(
    String text, byte[] image, String imageUrl, Map<String, String> metadata, String contentHash) {

  /**
   * Creates the record, normalizing absent values as documented on the components.
   *
   * @param text the text to evaluate, or {@code null}
   * @param image the raw image bytes (webp, png or jpg), or {@code null}
   * @param imageUrl a publicly reachable image URL, or {@code null}
   * @param metadata caller key/values echoed back on the report; never {@code null}
   * @param contentHash the server-computed hash, with its algorithm prefix; {@code null} on
   *     requests
   */
  public ContentData {
    image = image == null ? null : image.clone();
    metadata = Copies.map(metadata);
  }

  /**
   * Text content.
   *
   * @param text the text to evaluate
   * @return a new content item
   * @throws NullPointerException if {@code text} is null
   */
  public static ContentData text(String text) {
    Objects.requireNonNull(text, "text must not be null; pass the text to evaluate");
    return new ContentData(text, null, null, Map.of(), null);
  }

  /**
   * Image content from raw bytes, sent base64-encoded.
   *
   * @param image the image bytes (webp, png and jpg are supported)
   * @return a new content item
   * @throws IllegalArgumentException if {@code image} is empty
   */
  public static ContentData image(byte[] image) {
    Objects.requireNonNull(image, "image must not be null; pass the image bytes");
    if (image.length == 0) {
      throw new IllegalArgumentException("image must not be empty; pass the image bytes");
    }
    return new ContentData(null, image, null, Map.of(), null);
  }

  /**
   * Image content the service downloads from a URL.
   *
   * @param url a publicly reachable {@code http} or {@code https} URL
   * @return a new content item
   * @throws IllegalArgumentException if {@code url} is not an absolute http(s) URL
   */
  public static ContentData imageUrl(String url) {
    Objects.requireNonNull(url, "imageUrl must not be null; pass a public image URL");
    String lower = url.trim().toLowerCase(java.util.Locale.ROOT);
    if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
      throw new IllegalArgumentException(
          "imageUrl must be an absolute http(s) URL the service can download, but was: " + url);
    }
    return new ContentData(null, null, url, Map.of(), null);
  }

  /**
   * A copy with one more metadata entry; the report echoes it in {@code contentMetadata}.
   *
   * @param key the metadata key
   * @param value the metadata value
   * @return a new content item
   */
  public ContentData withMetadata(String key, String value) {
    Objects.requireNonNull(key, "metadata key must not be null");
    Objects.requireNonNull(value, () -> "metadata value for key '" + key + "' must not be null");
    Map<String, String> merged = new LinkedHashMap<>(metadata);
    merged.put(key, value);
    return new ContentData(text, image, imageUrl, merged, contentHash);
  }

  /**
   * A copy with these metadata entries added (later entries win).
   *
   * @param entries the entries to add
   * @return a new content item
   */
  public ContentData withMetadata(Map<String, String> entries) {
    Map<String, String> merged = new LinkedHashMap<>(metadata);
    entries.forEach(
        (key, value) -> {
          Objects.requireNonNull(key, "metadata key must not be null");
          Objects.requireNonNull(
              value, () -> "metadata value for key '" + key + "' must not be null");
          merged.put(key, value);
        });
    return new ContentData(text, image, imageUrl, merged, contentHash);
  }

  /**
   * The image bytes, copied so the item stays immutable.
   *
   * @return the image bytes, or {@code null} when this is not image content
   */
  @Override
  public byte[] image() {
    return image == null ? null : image.clone();
  }

  /**
   * How many content kinds are set: exactly one on a valid request item.
   *
   * @return the number of non-null content fields among text, image and imageUrl
   */
  public int contentKindCount() {
    return (text != null ? 1 : 0) + (image != null ? 1 : 0) + (imageUrl != null ? 1 : 0);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ContentData that
        && Objects.equals(text, that.text)
        && Arrays.equals(image, that.image)
        && Objects.equals(imageUrl, that.imageUrl)
        && metadata.equals(that.metadata)
        && Objects.equals(contentHash, that.contentHash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, Arrays.hashCode(image), imageUrl, metadata, contentHash);
  }

  /** Describes the item without dumping long text or image bytes. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("ContentData[");
    if (text != null) {
      out.append("text=\"")
          .append(text.length() > 60 ? text.substring(0, 60) + "…" : text)
          .append('"');
    } else if (image != null) {
      out.append("image=<").append(image.length).append(" bytes>");
    } else if (imageUrl != null) {
      out.append("imageUrl=").append(imageUrl);
    } else {
      out.append("no content");
    }
    if (!metadata.isEmpty()) {
      out.append(", metadata=").append(metadata);
    }
    if (contentHash != null) {
      out.append(", contentHash=").append(contentHash);
    }
    return out.append(']').toString();
  }
}
