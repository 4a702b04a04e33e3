package ai.clavata.sdk.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings every evaluation request has (policy, content, threshold, expedited, options),
 * shared by the builders of {@code CreateJobRequest} and {@code EvaluateRequest}.
 *
 * @param <B> the concrete builder, returned by every setter for chaining
 */
public abstract class EvaluationRequestBuilder<B extends EvaluationRequestBuilder<B>> {
  private String policyId;
  private final List<ContentData> contentData = new ArrayList<>();
  private Double threshold;
  private Boolean expedited;
  private final Map<String, String> options = new LinkedHashMap<>();

  /** For subclasses. */
  protected EvaluationRequestBuilder() {}

  /**
   * This builder as its concrete type.
   *
   * @return {@code this}
   */
  protected abstract B self();

  /**
   * Sets the policy to evaluate against (required).
   *
   * @param policyId the policy's id
   * @return this builder
   */
  public B policyId(String policyId) {
    this.policyId = policyId;
    return self();
  }

  /**
   * Adds a content item; its position is its input index.
   *
   * @param item the item, such as {@code ContentData.text("hello")}
   * @return this builder
   */
  public B addContent(ContentData item) {
    contentData.add(Objects.requireNonNull(item, "content item must not be null"));
    return self();
  }

  /**
   * Adds content items, in order.
   *
   * @param items the items
   * @return this builder
   */
  public B addAllContent(Collection<ContentData> items) {
    items.forEach(this::addContent);
    return self();
  }

  /**
   * Sets the truthiness threshold; the server defaults to 0.5.
   *
   * @param threshold a value in [0, 1]
   * @return this builder
   */
  public B threshold(double threshold) {
    this.threshold = threshold;
    return self();
  }

  /**
   * Favours speed over cost (roughly 20 to 30 % lower latency for images).
   *
   * @param expedited whether to expedite
   * @return this builder
   */
  public B expedited(boolean expedited) {
    this.expedited = expedited;
    return self();
  }

  /**
   * Sets an evaluation option, passed to the service as a string.
   *
   * @param key the option's name
   * @param value the option's value
   * @return this builder
   */
  public B option(String key, String value) {
    options.put(
        Objects.requireNonNull(key, "option key must not be null"),
        Objects.requireNonNull(value, () -> "value of option '" + key + "' must not be null"));
    return self();
  }

  /**
   * The policy id set so far.
   *
   * @return the policy id, or {@code null}
   */
  protected String policyId() {
    return policyId;
  }

  /**
   * The content items added so far.
   *
   * @return the items, in order
   */
  protected List<ContentData> contentData() {
    return contentData;
  }

  /**
   * The threshold set so far.
   *
   * @return the threshold, or {@code null}
   */
  protected Double threshold() {
    return threshold;
  }

  /**
   * The expedited flag set so far.
   *
   * @return the flag, or {@code null}
   */
  protected Boolean expedited() {
    return expedited;
  }

  /**
   * The options set so far.
   *
   * @return the options, in insertion order
   */
  protected Map<String, String> options() {
    return options;
  }
}
