package ai.clavata.sdk.labels;

import ai.clavata.sdk.internal.Validation;
import ai.clavata.sdk.model.ContentData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The body of {@code POST /v1/labels/evaluate}: one content item to evaluate against 1 to 10
 * published label versions.
 *
 * <pre>{@code
 * EvaluateLabelsRequest request = EvaluateLabelsRequest.builder()
 *     .content(ContentData.text("I will find you"))
 *     .addLabelVersionId("threats-label-version-uuid")
 *     .addLabelVersionId("harassment-label-version-uuid")
 *     .threshold(0.6)
 *     .build();
 * }</pre>
 *
 * <p>Each label version is evaluated as its own job, and billed as one.
 *
 * @param content the one item to evaluate, with exactly one content kind
 * @param labelVersionIds the published label versions to evaluate against: 1 to {@value
 *     #MAX_LABEL_VERSIONS}, none blank, no repeats; results come back in this order
 * @param threshold the truthiness threshold in [0, 1], or {@code null} for the server default (0.5;
 *     the server reads 0.0 as unset too)
 * @param expedited {@code true} to favour speed over cost, or {@code null} to leave it unset
 * @param bypassCache {@code true} to skip the server's evaluation cache, or {@code null}
 * @param bundleSize the server's query batching size, positive, or {@code null} for its default
 * @param globalContext context that overrides the account's global context for this call, or {@code
 *     null}
 */
public record EvaluateLabelsRequest(
    ContentData content,
    List<String> labelVersionIds,
    Double threshold,
    Boolean expedited,
    Boolean bypassCache,
    Long bundleSize,
    String globalContext) {

  /** The most label versions one request may name: {@value}, the API's limit. */
  public static final int MAX_LABEL_VERSIONS = 10;

  /**
   * Creates the request and validates it locally, before anything is sent.
   *
   * @param content the one item to evaluate, with exactly one content kind
   * @param labelVersionIds the label versions: 1 to {@value #MAX_LABEL_VERSIONS}, none blank, no
   *     repeats
   * @param threshold the truthiness threshold in [0, 1], or {@code null} for the server default
   * @param expedited {@code true} to favour speed over cost, or {@code null} to leave it unset
   * @param bypassCache {@code true} to skip the server's evaluation cache, or {@code null}
   * @param bundleSize the server's query batching size, positive, or {@code null}
   * @param globalContext a global context override for this call, or {@code null}
   * @throws IllegalArgumentException if the content is missing or sets other than one content kind,
   *     the label version ids are missing, too many, blank or repeated, the threshold is outside
   *     [0, 1], or the bundle size is not positive; the message says how to fix it
   */
  public EvaluateLabelsRequest {
    requireContent(content);
    labelVersionIds = requireLabelVersionIds(labelVersionIds);
    Validation.requireThreshold(threshold);
    if (bundleSize != null && bundleSize <= 0) {
      throw new IllegalArgumentException(
          "bundleSize must be positive, but was "
              + bundleSize
              + "; leave it unset for the default");
    }
  }

  /**
   * A builder with nothing set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private static void requireContent(ContentData content) {
    if (content == null) {
      throw new IllegalArgumentException(
          "content is required: call content(ContentData.text(...)) with the one item to evaluate");
    }
    int kinds = content.contentKindCount();
    if (kinds != 1) {
      throw new IllegalArgumentException(
          "content has "
              + kinds
              + " content kinds set; set exactly one of text, image or imageUrl "
              + "(build it with ContentData.text, ContentData.image or ContentData.imageUrl)");
    }
  }

  private static List<String> requireLabelVersionIds(List<String> ids) {
    if (ids == null || ids.isEmpty()) {
      throw new IllegalArgumentException(
          "at least one label version id is required: call addLabelVersionId(\"...\") with the id"
              + " of a published label version");
    }
    if (ids.size() > MAX_LABEL_VERSIONS) {
      throw new IllegalArgumentException(
          ids.size()
              + " label version ids were given, but one request takes at most "
              + MAX_LABEL_VERSIONS
              + ": split them into several requests");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException(
            "labelVersionIds[" + i + "] is " + (id == null ? "null" : "blank") + "; pass an id");
      }
      if (!seen.add(id)) {
        throw new IllegalArgumentException(
            "labelVersionIds["
                + i
                + "] repeats '"
                + id
                + "': each label version is evaluated and billed as its own job, so name it once");
      }
    }
    return List.copyOf(ids);
  }

  /** Builds an {@link EvaluateLabelsRequest}; {@link #build()} validates it. */
  public static final class Builder {
    private ContentData content;
    private int contentCalls;
    private final List<String> labelVersionIds = new ArrayList<>();
    private Double threshold;
    private Boolean expedited;
    private Boolean bypassCache;
    private Long bundleSize;
    private String globalContext;

    private Builder() {}

    /**
     * Sets the one item to evaluate (required). A label evaluation takes exactly one item, so
     * calling this twice makes {@link #build()} fail: send one request per item.
     *
     * @param content the item, such as {@code ContentData.text("hello")}
     * @return this builder
     */
    public Builder content(ContentData content) {
      this.content = Objects.requireNonNull(content, "content must not be null");
      contentCalls++;
      return this;
    }

    /**
     * Adds a published label version to evaluate against; its position is its result's position.
     *
     * @param labelVersionId the label version's id
     * @return this builder
     */
    public Builder addLabelVersionId(String labelVersionId) {
      labelVersionIds.add(labelVersionId);
      return this;
    }

    /**
     * Adds label versions, in order.
     *
     * @param ids the label versions' ids
     * @return this builder
     */
    public Builder addAllLabelVersionIds(Collection<String> ids) {
      labelVersionIds.addAll(ids);
      return this;
    }

    /**
     * Sets the truthiness threshold; the server defaults to 0.5, and reads 0.0 as unset.
     *
     * @param threshold a value in [0, 1]
     * @return this builder
     */
    public Builder threshold(double threshold) {
      this.threshold = threshold;
      return this;
    }

    /**
     * Favours speed over cost ({@code labelEvalOptions.expedited}).
     *
     * @param expedited whether to expedite
     * @return this builder
     */
    public Builder expedited(boolean expedited) {
      this.expedited = expedited;
      return this;
    }

    /**
     * Skips the server's evaluation cache ({@code labelEvalOptions.bypassCache}).
     *
     * @param bypassCache whether to bypass the cache
     * @return this builder
     */
    public Builder bypassCache(boolean bypassCache) {
      this.bypassCache = bypassCache;
      return this;
    }

    /**
     * Sets the size of the server's query batches ({@code labelEvalOptions.bundleSize}); a tuning
     * knob best left unset.
     *
     * @param bundleSize a positive size
     * @return this builder
     */
    public Builder bundleSize(long bundleSize) {
      this.bundleSize = bundleSize;
      return this;
    }

    /**
     * Overrides the account's global context for this evaluation.
     *
     * @param globalContext the context text
     * @return this builder
     */
    public Builder globalContext(String globalContext) {
      this.globalContext = globalContext;
      return this;
    }

    /**
     * Builds and validates the request.
     *
     * @return the request
     * @throws IllegalArgumentException if the request is invalid; the message says how to fix it
     */
    public EvaluateLabelsRequest build() {
      if (contentCalls > 1) {
        throw new IllegalArgumentException(
            "content(...) was called "
                + contentCalls
                + " times, but a label evaluation takes exactly one item: send one request per"
                + " item (client.async().labels() runs them concurrently)");
      }
      return new EvaluateLabelsRequest(
          content, labelVersionIds, threshold, expedited, bypassCache, bundleSize, globalContext);
    }
  }
}
