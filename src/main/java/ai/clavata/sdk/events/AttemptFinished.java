package ai.clavata.sdk.events;

import java.time.Duration;

/**
 * One attempt of a call got a response, or failed without one.
 *
 * @param call the call
 * @param attempt 1 for the first attempt
 * @param statusCode the HTTP status, or 0 if the attempt failed without a response
 * @param failure what went wrong on the network, or {@code null} if a response came
 * @param duration from sending the request to the response's headers (or the failure)
 * @param requestId the server's request id, or {@code null} if it sent none
 */
public record AttemptFinished(
    ApiCall call,
    int attempt,
    int statusCode,
    Throwable failure,
    Duration duration,
    String requestId) {}
