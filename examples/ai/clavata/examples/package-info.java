/**
 * Runnable examples of the SDK, one per feature: each uses the real API when {@code
 * CLAVATA_API_KEY} is set and an embedded {@code FakeClavataServer} otherwise. Run one with {@code
 * mvn -q test-compile exec:java -Dexample=Name}; {@code ExamplesTest} runs them all.
 */
package ai.clavata.examples;
