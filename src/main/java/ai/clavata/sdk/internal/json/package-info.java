/**
 * Not API: the writer that streams request bodies exactly as the schema says. The one tolerant
 * {@code ObjectMapper} is {@link ai.clavata.sdk.internal.Json}, a floor lower, so that every
 * feature can read the model.
 */
package ai.clavata.sdk.internal.json;
