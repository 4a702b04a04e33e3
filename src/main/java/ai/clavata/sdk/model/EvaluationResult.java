package ai.clavata.sdk.model;

/**
 * One streamed evaluation: which input it answers and how that input fared.
 *
 * <p>Results arrive in completion order, not input order; {@link #inputIndex()} says which item of
 * the request this one answers.
 *
 * @param inputIndex the 0-based position of the answered item in the request's content list, or -1
 *     when correlation was turned off or the server dropped the correlation key
 * @param input the answered item as the caller sent it, or {@code null} when unknown
 * @param jobUuid the id of the job the stream runs as; the same for every result of one call
 * @param contentHash the content's hash, with its algorithm prefix
 * @param report the evaluation report, or {@code null} when the server sent none
 */
public record EvaluationResult(
    int inputIndex,
    ContentData input,
    String jobUuid,
    String contentHash,
    PolicyEvaluationReport report) {}
