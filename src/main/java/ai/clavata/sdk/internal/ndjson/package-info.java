/**
 * Not API: newline-delimited JSON, changed without notice. One long-lived parser over the socket,
 * each value returned as soon as its last byte arrives, each line bounded.
 */
package ai.clavata.sdk.internal.ndjson;
