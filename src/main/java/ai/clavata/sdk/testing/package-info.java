/**
 * {@link ai.clavata.sdk.testing.FakeClavataServer}: a loopback server that speaks the API with a
 * deterministic evaluator and fault injection, for tests of your own code and for the examples.
 * Nothing in the SDK loads it; it needs the JDK's {@code jdk.httpserver} module.
 */
package ai.clavata.sdk.testing;
