/**
 * Not API: the SDK's own support code, changed without notice. Reachable on the class path, but do
 * not use it; on the module path it is not exported. This package holds what every feature shares:
 * request validation and the fields of evaluation requests, the clock behind waits ({@code
 * Timing}), polling, one-shot result streams, async helpers (the runner, its timer, the retry
 * scope), the one tolerant JSON mapper, sizes and the version.
 */
package ai.clavata.sdk.internal;
