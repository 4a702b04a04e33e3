package ai.clavata.sdk.jobs;

import ai.clavata.sdk.internal.EvaluationFields;
import ai.clavata.sdk.internal.Validation;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.Webhook;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The body of {@code POST /v1/jobs}: content to evaluate against a policy.
 *
 * <pre>{@code
 * CreateJobRequest request = CreateJobRequest.builder()
 *     .policyId("policy-uuid")
 *     .addContent(ContentData.text("hello"))
 *     .threshold(0.7)
 *     .waitForCompletion(true)
 *     .build();
 * }</pre>
 *
 * @param policyId the policy to evaluate against
 * @param contentData the items to evaluate; at least one, each with one content kind
 * @param threshold the truthiness threshold in [0, 1], or {@code null} for the server default (0.5)
 * @param expedited {@code true} to favour speed over cost, or {@code null} to leave it unset
 * @param webhook where to POST when the job completes, or {@code null}
 * @param waitForCompletion whether the call returns only once the job is evaluated
 * @param options extra evaluation options, sent as strings; never {@code null}
 */
public record CreateJobRequest(
    String policyId,
    List<ContentData> contentData,
    Double threshold,
    Boolean expedited,
    Webhook webhook,
    boolean waitForCompletion,
    Map<String, String> options) {

  /**
   * Creates the request and validates it locally, before anything is sent.
   *
   * @param policyId the policy to evaluate against
   * @param contentData the items to evaluate; at least one, each with one content kind
   * @param threshold the truthiness threshold in [0, 1], or {@code null} for the server default
   *     (0.5)
   * @param expedited {@code true} to favour speed over cost, or {@code null} to leave it unset
   * @param webhook where to POST when the job completes, or {@code null}
   * @param waitForCompletion whether the call returns only once the job is evaluated
   * @param options extra evaluation options, sent as strings; never {@code null}
   * @throws IllegalArgumentException if the policy id is blank, there is no content, an item sets
   *     other than one content kind, or the threshold is outside [0, 1]
   */
  public CreateJobRequest {
    Validation.requirePolicyId(policyId);
    contentData =
        Validation.requireContent(List.copyOf(Objects.requireNonNullElse(contentData, List.of())));
    Validation.requireThreshold(threshold);
    options = Map.copyOf(Objects.requireNonNullElse(options, Map.of()));
  }

  /**
   * A builder with nothing set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CreateJobRequest}; {@link #build()} validates it. */
  public static final class Builder {
    private final EvaluationFields fields = new EvaluationFields();
    private Webhook webhook;
    private boolean waitForCompletion;

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
     * Sets a webhook the service calls when the job completes.
     *
     * @param webhook the https webhook
     * @return this builder
     */
    public Builder webhook(Webhook webhook) {
      this.webhook = webhook;
      return this;
    }

    /**
     * Makes the call synchronous: it returns once the job is evaluated, results included.
     *
     * @param waitForCompletion whether to wait
     * @return this builder
     */
    public Builder waitForCompletion(boolean waitForCompletion) {
      this.waitForCompletion = waitForCompletion;
      return this;
    }

    /**
     * Builds and validates the request.
     *
     * @return the request
     * @throws IllegalArgumentException if the request is invalid; the message says how to fix it
     */
    public CreateJobRequest build() {
      return new CreateJobRequest(
          fields.policyId(),
          fields.contentData(),
          fields.threshold(),
          fields.expedited(),
          webhook,
          waitForCompletion,
          fields.options());
    }
  }
}
