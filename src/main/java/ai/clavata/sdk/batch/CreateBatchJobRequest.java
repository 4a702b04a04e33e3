package ai.clavata.sdk.batch;

import ai.clavata.sdk.internal.Validation;
import ai.clavata.sdk.model.Webhook;

/**
 * The body of {@code POST /v1/batch-jobs}.
 *
 * <pre>{@code
 * CreateBatchJobRequest.of("nightly", policyId).withWebhookUrl("https://example.com/done");
 * }</pre>
 *
 * @param name a name for the job
 * @param policyId the policy to evaluate the items against
 * @param webhookUrl an https URL the service calls when the job completes, or {@code null}
 */
public record CreateBatchJobRequest(String name, String policyId, String webhookUrl) {

  /**
   * Creates the request and validates it locally.
   *
   * @param name the job's name
   * @param policyId the policy's id
   * @param webhookUrl the webhook URL, or {@code null}
   * @throws IllegalArgumentException if the name or policy id is blank or the webhook is not https
   */
  public CreateBatchJobRequest {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a batch job needs a non-blank name");
    }
    Validation.requirePolicyId(policyId);
    if (webhookUrl != null) {
      Webhook.of(webhookUrl); // the same https rule as job webhooks
    }
  }

  /**
   * A request without a webhook.
   *
   * @param name the job's name
   * @param policyId the policy's id
   * @return the request
   */
  public static CreateBatchJobRequest of(String name, String policyId) {
    return new CreateBatchJobRequest(name, policyId, null);
  }

  /**
   * This request with a webhook.
   *
   * @param webhookUrl an https URL
   * @return a new request
   */
  public CreateBatchJobRequest withWebhookUrl(String webhookUrl) {
    return new CreateBatchJobRequest(name, policyId, webhookUrl);
  }
}
