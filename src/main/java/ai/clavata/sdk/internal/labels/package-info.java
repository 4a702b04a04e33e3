/**
 * Not API: the implementation of {@code ai.clavata.sdk.labels}, changed without notice: the
 * blocking and async labels clients, the endpoint's wire shapes, and the label-first error hint.
 */
package ai.clavata.sdk.internal.labels;
