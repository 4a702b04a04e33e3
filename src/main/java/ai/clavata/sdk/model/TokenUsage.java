package ai.clavata.sdk.model;

/**
 * What an evaluation cost.
 *
 * @param inputTokens the tokens the content used
 * @param billedTokens the tokens billed, after the multiplier
 * @param multiplier the policy-complexity multiplier
 */
public record TokenUsage(int inputTokens, int billedTokens, double multiplier) {}
