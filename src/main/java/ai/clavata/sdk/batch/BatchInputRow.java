package ai.clavata.sdk.batch;

import java.util.Objects;

/**
 * One row of a batch input file: {@code ref_id,type,content}.
 *
 * <pre>{@code
 * BatchInputRow.text("post-42", "some user text");
 * BatchInputRow.imageUrl("img-7", "https://example.com/upload.png");
 * }</pre>
 *
 * @param refId your identifier for the item, unique within the batch; echoed on its result row
 * @param type what {@code content} holds
 * @param content the text, or the image URL
 */
public record BatchInputRow(String refId, BatchContentType type, String content) {

  /**
   * Creates a row and validates it.
   *
   * @param refId the item's identifier
   * @param type the content type
   * @param content the content
   * @throws IllegalArgumentException if the ref id is blank, the type is {@link
   *     BatchContentType#UNRECOGNIZED}, or the content is null
   */
  public BatchInputRow {
    if (refId == null || refId.isBlank()) {
      throw new IllegalArgumentException("a batch row needs a non-blank refId");
    }
    Objects.requireNonNull(type, () -> "row '" + refId + "' needs a type");
    if (type == BatchContentType.UNRECOGNIZED) {
      throw new IllegalArgumentException(
          "row '"
              + refId
              + "' has no valid type; use BatchInputRow.text or BatchInputRow.imageUrl");
    }
    Objects.requireNonNull(content, () -> "row '" + refId + "' needs content");
  }

  /**
   * A text row.
   *
   * @param refId the item's identifier, unique within the batch
   * @param text the text to evaluate
   * @return the row
   */
  public static BatchInputRow text(String refId, String text) {
    return new BatchInputRow(refId, BatchContentType.TEXT, text);
  }

  /**
   * An image row; the service downloads the image.
   *
   * @param refId the item's identifier, unique within the batch
   * @param url a publicly reachable image URL
   * @return the row
   */
  public static BatchInputRow imageUrl(String refId, String url) {
    return new BatchInputRow(refId, BatchContentType.IMAGE_URL, url);
  }
}
