package ai.clavata.sdk.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what the SDK logs through {@link System.Logger}: with no other backend installed, the
 * JDK routes it to {@code java.util.logging}, so a handler on {@code ai.clavata.sdk} at {@code ALL}
 * sees every line (DEBUG arrives as FINE, TRACE as FINER). Close it after the test.
 */
final class CapturedLogs extends Handler implements AutoCloseable {
  private final Logger logger = Logger.getLogger("ai.clavata.sdk");
  private final Level previous = logger.getLevel();
  final List<LogRecord> records = new CopyOnWriteArrayList<>();

  CapturedLogs() {
    logger.setLevel(Level.ALL);
    logger.setUseParentHandlers(false); // keeps the lines off the console
    logger.addHandler(this);
  }

  /** Every captured line, its level first: {@code "INFO POST /v1/jobs -> 200 ..."}. */
  List<String> lines() {
    return records.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList();
  }

  /** Everything captured, thrown exceptions included, for searching for a secret. */
  String everything() {
    StringBuilder out = new StringBuilder();
    for (LogRecord record : records) {
      out.append(record.getMessage()).append('\n');
      for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
        out.append(t).append('\n');
      }
    }
    return out.toString();
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setUseParentHandlers(true);
    logger.setLevel(previous);
  }
}
