package ai.clavata.sdk.events;

import java.util.Locale;

/**
 * How much the SDK logs, through {@link System.Logger} under the name {@code ai.clavata.sdk}. Set
 * it with {@code ClavataClientBuilder.logLevel(...)}, the {@code CLAVATA_LOG} environment variable
 * or the {@code clavata.log} system property. Each line is logged at its own {@link
 * System.Logger.Level}, so the logging backend can filter further. No level ever logs the API key.
 */
public enum LogLevel {
  /** Nothing (the default). */
  OFF,
  /**
   * One line per HTTP attempt (method, path, status, duration, attempt, request id), per retry and
   * its wait, per call that gives up, and per stream end; at {@link System.Logger.Level#INFO},
   * retries and failures at {@link System.Logger.Level#WARNING}.
   */
  INFO,
  /**
   * Also request and response headers, secrets redacted, and each poll; at {@link
   * System.Logger.Level#DEBUG}.
   */
  DEBUG,
  /**
   * Also request and response bodies, up to 4 KB each with the key masked (streams are summarized,
   * not dumped); at {@link System.Logger.Level#TRACE}.
   */
  TRACE;

  /**
   * The level a setting names: {@code off}, {@code info}, {@code debug} or {@code trace}, in any
   * case.
   *
   * @param setting the text of {@code CLAVATA_LOG} or {@code clavata.log}
   * @return the level
   * @throws IllegalArgumentException naming the accepted values
   */
  public static LogLevel parse(String setting) {
    try {
      return valueOf(setting.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'" + setting + "' is not a Clavata log level: use off, info, debug or trace", e);
    }
  }

  /**
   * Whether this level logs what {@code other} logs.
   *
   * @param other a level of lines
   * @return true if lines of {@code other} are logged at this level
   */
  public boolean includes(LogLevel other) {
    return other != OFF && compareTo(other) >= 0;
  }
}
