package ai.clavata.sdk.jobs;

import ai.clavata.sdk.internal.Validation;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.EvaluationRequestBuilder;
import ai.clavata.sdk.model.Webhook;
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
  public static final class Builder extends EvaluationRequestBuilder<Builder> {
    private Webhook webhook;
    private boolean waitForCompletion;

    private Builder() {}

    @Override
    protected Builder self() {
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
          policyId(),
          contentData(),
          threshold(),
          expedited(),
          webhook,
          waitForCompletion,
          options());
    }
  }
}
