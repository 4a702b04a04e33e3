package ai.clavata.sdk.internal.http;

import java.util.function.Supplier;

/**
 * Removes the API key from text that came back from the network before it goes into an
 * exception message: a misconfigured proxy may echo request headers in its error page.
 */
public final class Redactor {
  static final String MASK = "[REDACTED]";
  private final Supplier<String> credentials;

  /** Redacts whatever key the supplier currently returns. */
  public Redactor(Supplier<String> credentials) {
    this.credentials = credentials;
  }

  /** The text with every occurrence of the current key masked. */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String key;
    try {
      key = credentials.get();
    } catch (RuntimeException supplierFailed) {
      return text;
    }
    if (key == null || key.strip().length() < 4) {
      return text;
    }
    return text.replace(key.strip(), MASK);
  }
}
