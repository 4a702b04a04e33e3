/**
 * Not API: the implementation of {@code ai.clavata.sdk.jobs}, changed without notice: the blocking
 * and async jobs clients and the endpoints' wire shapes.
 */
package ai.clavata.sdk.internal.jobs;
