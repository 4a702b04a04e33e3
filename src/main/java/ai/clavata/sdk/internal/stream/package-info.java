/**
 * Not API: the implementation of {@code ai.clavata.sdk.stream}, changed without notice: the stream
 * session that reads lines, correlates inputs and resubmits, and its wire shapes.
 */
package ai.clavata.sdk.internal.stream;
