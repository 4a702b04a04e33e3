/**
 * Not API. The SDK's log lines, through {@link System.Logger}: the level setting, the listener that
 * turns call events into lines, and the guard that keeps a caller's throwing listener from breaking
 * a call.
 */
package ai.clavata.sdk.internal.logging;
