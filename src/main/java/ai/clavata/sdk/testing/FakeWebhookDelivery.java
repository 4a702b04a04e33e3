package ai.clavata.sdk.testing;

/**
 * One webhook call the fake server made, for assertions.
 *
 * @param url the webhook URL called
 * @param jobUuid the job delivered
 * @param status the HTTP status the receiver answered, or 0 if the call failed
 * @param failure why the call failed, or {@code null}
 */
public record FakeWebhookDelivery(String url, String jobUuid, int status, String failure) {}
