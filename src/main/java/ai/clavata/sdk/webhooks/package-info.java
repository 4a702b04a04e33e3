/**
 * The receiving side of webhooks: when a job completes, Clavata POSTs it as JSON to the URL of the
 * request's {@link ai.clavata.sdk.model.Webhook}, with each of its extra headers as {@code
 * X-Webhook-<name>}. {@link ai.clavata.sdk.webhooks.WebhookReceiver} checks a shared secret sent
 * that way and parses the job, with any HTTP server.
 */
package ai.clavata.sdk.webhooks;
