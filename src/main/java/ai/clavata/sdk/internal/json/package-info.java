/**
 * Not API: JSON, changed without notice. The one tolerant {@code ObjectMapper} and the writer that
 * streams request bodies exactly as the schema says.
 */
package ai.clavata.sdk.internal.json;
