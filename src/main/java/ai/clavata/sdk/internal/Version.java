package ai.clavata.sdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The SDK's version, written into a resource by the Maven build. */
public final class Version {
  /** Such as {@code 0.1.0}; "unknown" only when the resource is missing. */
  public static final String SDK_VERSION = load();

  /** The {@code User-Agent} every request carries. */
  public static final String USER_AGENT = "clavata-java/" + SDK_VERSION;

  private Version() {}

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the SDK version resource", e);
    }
  }
}
