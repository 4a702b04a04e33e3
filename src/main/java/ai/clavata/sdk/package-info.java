/**
 * The entry point: {@link ai.clavata.sdk.ClavataClient}, built by {@link
 * ai.clavata.sdk.ClavataClientBuilder}, which wires the sub-clients of the feature packages ({@code
 * jobs}, {@code stream}, {@code batch}) to one HTTP stack, and {@link
 * ai.clavata.sdk.AsyncClavataClient}, the same sub-clients returning futures.
 */
package ai.clavata.sdk;
