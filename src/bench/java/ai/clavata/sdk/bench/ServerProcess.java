package ai.clavata.sdk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@link SlowStreamServer} in a child JVM: the same {@code java} binary and class path as this
 * one, its stderr passed through. Closing it closes the child's stdin, which makes it exit.
 */
final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final int port;

  /**
   * What the child saw since the previous {@link #stats()}.
   *
   * @param connections distinct remote ports of the streams
   * @param requests streams requested
   * @param completed streams written to the end
   * @param failed streams the client hung up on
   * @param peakOpen the most streams open at once
   */
  record Stats(long connections, long requests, long completed, long failed, long peakOpen) {}

  private ServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts the child and waits for it to print its port.
   *
   * @param lines result lines per stream
   * @param paceMillis the wait before each line
   * @param heap the child's {@code -Xmx}, such as {@code "256m"}
   */
  static ServerProcess start(int lines, long paceMillis, String heap) throws IOException {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-Xmx" + heap,
            "-classpath",
            System.getProperty("java.class.path"),
            SlowStreamServer.class.getName(),
            Integer.toString(lines),
            Long.toString(paceMillis));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
    String first = out.readLine();
    if (first == null || !first.startsWith("PORT ")) {
      process.destroyForcibly();
      throw new IOException("the server process did not print its port but: " + first);
    }
    return new ServerProcess(process, Integer.parseInt(first.substring(5).trim()));
  }

  /** {@code http://127.0.0.1:port/}: the base URL for a client. */
  String baseUrl() {
    return "http://127.0.0.1:" + port + "/";
  }

  /** The child's process id. */
  long pid() {
    return process.pid();
  }

  /** Reads the counts since the previous call, which the child then resets. */
  Stats stats() throws IOException {
    HttpURLConnection connection =
        (HttpURLConnection) URI.create(baseUrl() + "stats").toURL().openConnection();
    connection.setRequestProperty("Connection", "close");
    Map<String, Long> values = new HashMap<>();
    try (InputStream in = connection.getInputStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
      for (String pair : text.split(" ")) {
        String[] kv = pair.split("=", 2);
        values.put(kv[0], Long.parseLong(kv[1]));
      }
    } finally {
      connection.disconnect();
    }
    return new Stats(
        values.get("connections"),
        values.get("requests"),
        values.get("completed"),
        values.get("failed"),
        values.get("peakOpen"));
  }

  @Override
  public void close() throws InterruptedException {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // Already gone.
    }
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
