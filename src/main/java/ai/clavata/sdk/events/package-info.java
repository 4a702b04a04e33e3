/**
 * What the SDK reports about its work: a {@link ai.clavata.sdk.events.ClavataEventListener} hears
 * every call, attempt, retry, stream end and poll, with durations, statuses and request ids, for
 * metrics and tracing; {@link ai.clavata.sdk.events.LogLevel} turns the SDK's log lines on. Nothing
 * here ever carries the API key.
 */
package ai.clavata.sdk.events;
