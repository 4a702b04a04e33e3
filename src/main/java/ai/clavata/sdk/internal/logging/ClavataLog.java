package ai.clavata.sdk.internal.logging;

import ai.clavata.sdk.events.LogLevel;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.function.Supplier;

/**
 * The SDK's logger, {@code ai.clavata.sdk}, and the level the client was configured with. A line is
 * built only when both the setting and the logging backend want it.
 *
 * @param level what the client's setting allows
 * @param logger where lines go
 */
public record ClavataLog(LogLevel level, Logger logger) {
  /** The logger's name. */
  public static final String NAME = "ai.clavata.sdk";

  /** The log for a level setting, on the {@code ai.clavata.sdk} logger. */
  public static ClavataLog of(LogLevel level) {
    return new ClavataLog(level, System.getLogger(NAME));
  }

  /** Whether lines of {@code wanted} are written. */
  public boolean logs(LogLevel wanted) {
    return level.includes(wanted) && logger.isLoggable(backendLevel(wanted));
  }

  /** Logs a line of {@code wanted}, at its backend level, if it is written. */
  public void log(LogLevel wanted, Supplier<String> line) {
    if (logs(wanted)) {
      logger.log(backendLevel(wanted), line.get());
    }
  }

  /** Logs a warning of an {@code INFO} setting (a retry, a call that gave up). */
  public void warn(Supplier<String> line) {
    if (level.includes(LogLevel.INFO) && logger.isLoggable(Level.WARNING)) {
      logger.log(Level.WARNING, line.get());
    }
  }

  private static Level backendLevel(LogLevel level) {
    return switch (level) {
      case OFF, INFO -> Level.INFO;
      case DEBUG -> Level.DEBUG;
      case TRACE -> Level.TRACE;
    };
  }
}
