package ai.clavata.sdk;

import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The usual set-up of a MockWebServer test: a server, virtual time, and a client with default
 * settings pointed at the server, closed after each test.
 */
public abstract class MockServerTest {
  /** The server the client talks to; started and stopped around each test. */
  @StartStop protected final MockWebServer server = new MockWebServer();

  /** The clock and sleeper behind the client's retries and polls. */
  protected final FakeTiming timing = new FakeTiming();

  /** A client for {@link #server}, opened before each test. */
  protected ClavataClient client;

  @BeforeEach
  protected void openClient() {
    client = TestClients.client(server, timing);
  }

  @AfterEach
  protected void closeClient() {
    client.close();
  }
}
