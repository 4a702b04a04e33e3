/**
 * Evaluation jobs ({@code /v1/jobs}): {@link ai.clavata.sdk.jobs.JobsClient} and its async twin,
 * the create and list requests, and keyset paging ({@link ai.clavata.sdk.jobs.Page}, {@link
 * ai.clavata.sdk.jobs.PagedIterable}).
 */
package ai.clavata.sdk.jobs;
