package ai.clavata.sdk.events;

/**
 * A job was polled while waiting for it to finish.
 *
 * @param kind {@code "job"} or {@code "batch job"}
 * @param id the job's id
 * @param status the status the poll found, by its name, such as {@code RUNNING}
 * @param poll 1 for the first poll of this wait
 * @param done whether this status ends the wait
 */
public record JobPolled(String kind, String id, String status, int poll, boolean done) {}
