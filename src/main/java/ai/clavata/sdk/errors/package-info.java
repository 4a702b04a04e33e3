/**
 * The exceptions of the SDK, all unchecked, all under {@link
 * ai.clavata.sdk.errors.ClavataException}: typed API errors by gRPC code or HTTP status, network
 * failures and timeouts, unreadable responses, and interrupted streams. Public constructors let
 * tests of your own code build any of them.
 */
package ai.clavata.sdk.errors;
