/**
 * The records and enums every feature shares: content, jobs, batch jobs and their evaluation
 * reports, parsed tolerantly (unknown fields ignored, unknown enum values {@code UNRECOGNIZED},
 * absent lists empty), plus how to wait for a job ({@link ai.clavata.sdk.model.PollOptions}, {@link
 * ai.clavata.sdk.model.ProgressListener}), and the value of a successful call with its status and
 * headers ({@link ai.clavata.sdk.model.ApiResponse}). No I/O happens here.
 */
package ai.clavata.sdk.model;
