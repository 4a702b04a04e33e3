package ai.clavata.modulepath;

import ai.clavata.sdk.testing.FakeClavataServer;

/**
 * Starts a {@code FakeClavataServer} in a JVM whose module graph lacks {@code jdk.httpserver}, and
 * prints what that gives: {@code ModulePathTest} expects a clear {@link IllegalStateException}.
 */
public final class FakeServerWithoutHttpServer {
  private FakeServerWithoutHttpServer() {}

  /**
   * Tries to start the server.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    try (FakeClavataServer server = FakeClavataServer.start()) {
      System.out.println("started " + server);
    } catch (Throwable t) {
      System.out.println(t.getClass().getName() + ": " + t.getMessage());
    }
  }
}
