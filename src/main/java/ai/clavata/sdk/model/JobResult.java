package ai.clavata.sdk.model;

import java.time.Instant;

/**
 * The evaluation of one content item of a {@link Job}.
 *
 * @param uuid the result's own id (an internal field; may be {@code null})
 * @param jobUuid the id of the job it belongs to
 * @param contentHash the content's hash (deprecated on the wire; the report carries it too)
 * @param report the evaluation report, or {@code null} when absent
 * @param created when the result was created, or {@code null}
 */
public record JobResult(
    String uuid,
    String jobUuid,
    String contentHash,
    PolicyEvaluationReport report,
    Instant created) {}
