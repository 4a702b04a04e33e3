/**
 * Real-time evaluation ({@code POST /v1/jobs/stream}): {@link ai.clavata.sdk.stream.StreamClient}
 * and its async twin, the request, and {@link ai.clavata.sdk.stream.EvaluationStream}, the results
 * as they arrive, each matched to its input.
 */
package ai.clavata.sdk.stream;
