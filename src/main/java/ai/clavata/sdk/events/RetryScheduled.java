package ai.clavata.sdk.events;

import java.time.Duration;

/**
 * A call will be attempted again after a wait.
 *
 * @param call the call
 * @param attempt the attempt that failed, 1 for the first
 * @param reason why, such as {@code "HTTP 503"} or {@code "SocketTimeoutException: timeout"}
 * @param delay the wait before the next attempt
 */
public record RetryScheduled(ApiCall call, int attempt, String reason, Duration delay) {}
