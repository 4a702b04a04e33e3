/**
 * Label evaluation ({@code POST /v1/labels/evaluate}): one content item against up to 10 published
 * label versions in one call, {@link ai.clavata.sdk.labels.LabelsClient} and its async twin, the
 * request, and the per-label results. It needs a label-first Clavata account.
 */
package ai.clavata.sdk.labels;
