/**
 * Batch evaluation of large backlogs through CSV files ({@code /v1/batch-jobs} and presigned
 * storage URLs): {@link ai.clavata.sdk.batch.BatchClient}, the input rows and files, and {@link
 * ai.clavata.sdk.batch.BatchResults}, the results file read row by row.
 */
package ai.clavata.sdk.batch;
