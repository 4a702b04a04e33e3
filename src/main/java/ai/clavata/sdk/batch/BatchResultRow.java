package ai.clavata.sdk.batch;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One row of a batch results file: {@code ref_id,type,labels,content,error}.
 *
 * @param refId the ref id you gave the item
 * @param type the content type
 * @param labels every evaluated label with its score; empty when evaluation failed
 * @param content the content that was evaluated
 * @param error why the item failed, or empty on success
 */
// Helper views such as isError() are not fields: they must not appear in your own JSON of this
// record (nor, on older Jackson, hide the field of the same name).
@JsonAutoDetect(isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public record BatchResultRow(
    String refId, BatchContentType type, List<BatchLabel> labels, String content, String error) {

  /**
   * Creates the row, normalizing absent values.
   *
   * @param refId the ref id
   * @param type the content type
   * @param labels the labels
   * @param content the content
   * @param error the error
   */
  public BatchResultRow {
    labels = labels == null ? List.of() : List.copyOf(labels);
    content = content == null ? "" : content;
    error = error == null ? "" : error;
  }

  /**
   * Whether the item failed.
   *
   * @return {@code true} when {@link #error()} is not empty
   */
  public boolean isError() {
    return !error.isEmpty();
  }

  /**
   * The score of one label.
   *
   * @param label the label's name
   * @return its score, or empty if the row has no such label
   */
  public OptionalDouble score(String label) {
    for (BatchLabel candidate : labels) {
      if (candidate.name().equals(label)) {
        return OptionalDouble.of(candidate.score());
      }
    }
    return OptionalDouble.empty();
  }
}
