package ai.clavata.sdk.events;

/**
 * A call is about to make its first attempt.
 *
 * @param call the call
 */
public record CallStarted(ApiCall call) {}
