package ai.clavata.sdk.batch;

/**
 * One label evaluated for a batch item.
 *
 * @param name the label's name
 * @param score the score, 0.0 to 1.0
 */
public record BatchLabel(String name, double score) {}
