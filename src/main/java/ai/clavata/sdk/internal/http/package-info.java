/**
 * Not API: the HTTP stack, changed without notice. The OkHttp clients and their interceptor chain
 * ({@code HttpClients}: retries, the caller's interceptors, redirects, auth), the transport that
 * turns responses into records or typed exceptions, the retry policy, and the redaction of the API
 * key from everything that came from the network.
 */
package ai.clavata.sdk.internal.http;
