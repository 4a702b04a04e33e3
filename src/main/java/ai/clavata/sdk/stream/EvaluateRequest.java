package ai.clavata.sdk.stream;

import ai.clavata.sdk.internal.EvaluationFields;
import ai.clavata.sdk.internal.Validation;
import ai.clavata.sdk.model.ContentData;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The body of {@code POST /v1/jobs/stream}, and how the SDK should run the stream.
 *
 * <pre>{@code
 * EvaluateRequest request = EvaluateRequest.builder()
 *     .policyId("policy-uuid")
 *     .addContent(ContentData.text("a"))
 *     .addContent(ContentData.imageUrl("https://example.com/b.png"))
 *     .idleTimeout(Duration.ofSeconds(60))
 *     .build();
 * }</pre>
 *
 * <p><b>Correlation.</b> Results arrive in completion order. To give each its {@link
 * ai.clavata.sdk.model.EvaluationResult#inputIndex()}, the SDK adds the metadata key {@value
 * #INPUT_INDEX_KEY} to every item it sends and removes it from the {@code contentMetadata} of each
 * report before you see it. Turn this off with {@link Builder#correlateInputs(boolean)}; input
 * indexes are then -1.
 *
 * @param policyId the policy to evaluate against
 * @param contentData the items to evaluate; at least one, each with one content kind
 * @param threshold the truthiness threshold in [0, 1], or {@code null} for the server default
 * @param expedited {@code true} to favour speed over cost, or {@code null} to leave it unset
 * @param options extra evaluation options, sent as strings; never {@code null}
 * @param correlateInputs whether to tag items so results carry their input index
 * @param idleTimeout the longest wait for the next line, or {@code null} for the client's {@code
 *     readTimeout}
 * @param totalTimeout the longest the whole stream may take, resubmissions included, or {@code
 *     null} for no limit
 * @param resubmitUnanswered whether a rate-limit or unavailable error in mid-stream re-sends the
 *     unanswered items after a backoff and continues the same stream
 */
public record EvaluateRequest(
    String policyId,
    List<ContentData> contentData,
    Double threshold,
    Boolean expedited,
    Map<String, String> options,
    boolean correlateInputs,
    Duration idleTimeout,
    Duration totalTimeout,
    boolean resubmitUnanswered) {

  /** The metadata key that carries each item's input index to the server and back. */
  public static final String INPUT_INDEX_KEY = "clavata-sdk-input-index";

  /**
   * Creates the request and validates it locally, before anything is sent.
   *
   * @param policyId the policy to evaluate against
   * @param contentData the items to evaluate
   * @param threshold the threshold, or {@code null}
   * @param expedited whether to expedite, or {@code null}
   * @param options extra evaluation options
   * @param correlateInputs whether to tag items with their input index
   * @param idleTimeout the idle timeout, or {@code null}
   * @param totalTimeout the total timeout, or {@code null}
   * @param resubmitUnanswered whether to re-send unanswered items after a retryable error
   * @throws IllegalArgumentException if the request is invalid; the message says how to fix it
   */
  public EvaluateRequest {
    Validation.requirePolicyId(policyId);
    contentData =
        Validation.requireContent(List.copyOf(Objects.requireNonNullElse(contentData, List.of())));
    Validation.requireThreshold(threshold);
    options = Map.copyOf(Objects.requireNonNullElse(options, Map.of()));
    if (idleTimeout != null) {
      Validation.requireNonNegative("idleTimeout", idleTimeout);
    }
    if (totalTimeout != null) {
      Validation.requireNonNegative("totalTimeout", totalTimeout);
    }
    if (resubmitUnanswered && !correlateInputs) {
      throw new IllegalArgumentException(
          "resubmitUnanswered needs correlateInputs: without input indexes the SDK cannot tell"
              + " which items were answered");
    }
    if (correlateInputs) {
      for (int i = 0; i < contentData.size(); i++) {
        if (contentData.get(i).metadata().containsKey(INPUT_INDEX_KEY)) {
          throw new IllegalArgumentException(
              "contentData["
                  + i
                  + "] uses the metadata key '"
                  + INPUT_INDEX_KEY
                  + "', which the SDK reserves for correlation; rename it or call"
                  + " correlateInputs(false)");
        }
      }
    }
  }

  /**
   * A builder with nothing set; correlation on, resubmission off.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link EvaluateRequest}; {@link #build()} validates it. */
  public static final class Builder {
    private final EvaluationFields fields = new EvaluationFields();
    private boolean correlateInputs = true;
    private Duration idleTimeout;
    private Duration totalTimeout;
    private boolean resubmitUnanswered;

    private Builder() {}

    /**
     * Sets the policy to evaluate against (required).
     *
     * @param policyId the policy's id
     * @return this builder
     */
    public Builder policyId(String policyId) {
      fields.policyId(policyId);
      return this;
    }

    /**
     * Adds a content item; its position is its input index.
     *
     * @param item the item, such as {@code ContentData.text("hello")}
     * @return this builder
     */
    public Builder addContent(ContentData item) {
      fields.addContent(item);
      return this;
    }

    /**
     * Adds content items, in order.
     *
     * @param items the items
     * @return this builder
     */
    public Builder addAllContent(Collection<ContentData> items) {
      items.forEach(fields::addContent);
      return this;
    }

    /**
     * Sets the truthiness threshold; the server defaults to 0.5.
     *
     * @param threshold a value in [0, 1]
     * @return this builder
     */
    public Builder threshold(double threshold) {
      fields.threshold(threshold);
      return this;
    }

    /**
     * Favours speed over cost (roughly 20 to 30 % lower latency for images).
     *
     * @param expedited whether to expedite
     * @return this builder
     */
    public Builder expedited(boolean expedited) {
      fields.expedited(expedited);
      return this;
    }

    /**
     * Sets an evaluation option, passed to the service as a string.
     *
     * @param key the option's name
     * @param value the option's value
     * @return this builder
     */
    public Builder option(String key, String value) {
      fields.option(key, value);
      return this;
    }

    /**
     * Whether to tag items with {@value EvaluateRequest#INPUT_INDEX_KEY} so that results carry
     * their input index. On by default.
     *
     * @param correlate whether to correlate
     * @return this builder
     */
    public Builder correlateInputs(boolean correlate) {
      this.correlateInputs = correlate;
      return this;
    }

    /**
     * Sets the longest wait for the next result line, overriding the client's readTimeout. It does
     * not bound the whole stream: a server that sends a line now and then keeps it open; set {@link
     * #totalTimeout(Duration)} for that.
     *
     * @param idleTimeout the idle timeout; zero means wait forever
     * @return this builder
     */
    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
      return this;
    }

    /**
     * Sets the longest the whole stream may take, from the request to the last line, waits and
     * resubmissions included. When it passes, the iteration ends with a {@link
     * ai.clavata.sdk.errors.StreamInterruptedException} whose cause is a {@link
     * ai.clavata.sdk.errors.ClavataTimeoutException}, after the results already delivered. Off by
     * default: streams of many items may rightly take long.
     *
     * @param totalTimeout the total timeout; zero means none
     * @return this builder
     */
    public Builder totalTimeout(Duration totalTimeout) {
      this.totalTimeout = Objects.requireNonNull(totalTimeout, "totalTimeout");
      return this;
    }

    /**
     * On a rate-limit (429) or unavailable (503) error in mid-stream, re-sends only the items that
     * got no result, after a backoff, and continues the same stream, up to the client's {@code
     * maxRetries} times. Every item is then answered exactly once. Off by default: the re-sent
     * items are evaluated, and billed, again only if they had not been answered.
     *
     * @param resubmit whether to resubmit
     * @return this builder
     */
    public Builder resubmitUnanswered(boolean resubmit) {
      this.resubmitUnanswered = resubmit;
      return this;
    }

    /**
     * Builds and validates the request.
     *
     * @return the request
     * @throws IllegalArgumentException if the request is invalid; the message says how to fix it
     */
    public EvaluateRequest build() {
      return new EvaluateRequest(
          fields.policyId(),
          fields.contentData(),
          fields.threshold(),
          fields.expedited(),
          fields.options(),
          correlateInputs,
          idleTimeout,
          totalTimeout,
          resubmitUnanswered);
    }
  }
}
