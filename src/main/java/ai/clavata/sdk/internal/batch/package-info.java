/**
 * Not API: the implementation of {@code ai.clavata.sdk.batch}, changed without notice: input CSV
 * checking and writing, the duplicate ref-id check, presigned storage, and the results CSV reader.
 */
package ai.clavata.sdk.internal.batch;
