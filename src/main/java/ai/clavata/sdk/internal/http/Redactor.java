package ai.clavata.sdk.internal.http;

import ai.clavata.sdk.errors.ClavataDecodeException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.Headers;

/**
 * Removes the API key from everything that came back from the network before the SDK exposes it:
 * exception messages, excerpts, error details, headers, and the causes it attaches (a parser's
 * message quotes the value it choked on, which may be an echoed key). A misconfigured proxy may
 * echo request headers; a buggy server may echo the key into any field.
 */
public final class Redactor {
  static final String MASK = "[REDACTED]";

  /** The shortest key prefix or suffix masked where an excerpt cuts through the key. */
  private static final int MIN_FRAGMENT = 4;

  private final Supplier<String> credentials;

  /** Redacts whatever key the supplier currently returns. */
  public Redactor(Supplier<String> credentials) {
    this.credentials = credentials;
  }

  /** The text with every occurrence of the current key masked. */
  public String redact(String text) {
    return redact(text, key());
  }

  private static String redact(String text, String key) {
    return key == null || text == null || !text.contains(key) ? text : text.replace(key, MASK);
  }

  /**
   * An excerpt with the key masked, including a piece of it where the excerpt's start or end cuts
   * through it.
   */
  public String redactExcerpt(String excerpt) {
    String key = key();
    if (key == null || excerpt == null) {
      return excerpt;
    }
    String text = excerpt.replace(key, MASK);
    for (int length = Math.min(key.length() - 1, text.length()); length >= MIN_FRAGMENT; length--) {
      if (text.endsWith(key.substring(0, length))) {
        text = text.substring(0, text.length() - length) + MASK;
        break;
      }
    }
    for (int length = Math.min(key.length() - 1, text.length()); length >= MIN_FRAGMENT; length--) {
      if (text.startsWith(key.substring(key.length() - length))) {
        text = MASK + text.substring(length);
        break;
      }
    }
    return text;
  }

  /** A copy of a JSON tree with the key masked in every name and string value. */
  public JsonNode redact(JsonNode node) {
    String key = key();
    return key == null || node == null ? node : redact(node, key);
  }

  private static JsonNode redact(JsonNode node, String key) {
    if (node.isTextual()) {
      return JsonNodeFactory.instance.textNode(redact(node.textValue(), key));
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
      node.forEach(element -> copy.add(redact(element, key)));
      return copy;
    }
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        copy.set(redact(field.getKey(), key), redact(field.getValue(), key));
      }
      return copy;
    }
    return node;
  }

  /** The headers as a map with lower-case names, the key masked in every value. */
  public Map<String, List<String>> redact(Headers headers) {
    String key = key();
    Map<String, List<String>> copy = new LinkedHashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      copy.computeIfAbsent(headers.name(i).toLowerCase(Locale.ROOT), name -> new ArrayList<>())
          .add(redact(headers.value(i), key));
    }
    return copy;
  }

  /**
   * The failure itself when nothing in it mentions the key, else a copy of its chain whose messages
   * are masked: each link becomes a {@link RedactedException} naming the original class.
   */
  public IOException scrub(IOException failure) {
    String key = key();
    return key != null && mentionsKey(failure, key) ? copy(failure, key) : failure;
  }

  /** As {@link #scrub(IOException)}, for any cause. */
  public Throwable scrub(Throwable failure) {
    String key = key();
    return key != null && mentionsKey(failure, key) ? copy(failure, key) : failure;
  }

  /**
   * A decode error with its excerpt masked and its cause scrubbed.
   *
   * @param what what was being read
   * @param line the 1-based line, or 0
   * @param excerpt the offending text, as received
   * @param cause the parser's error, or {@code null}
   */
  public ClavataDecodeException decodeError(
      String what, long line, String excerpt, Throwable cause) {
    Throwable scrubbed = cause == null ? null : scrub(cause);
    return new ClavataDecodeException(what, line, redactExcerpt(excerpt), scrubbed);
  }

  private static boolean mentionsKey(Throwable failure, String key) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).contains(key)) {
        return true;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (mentionsKey(suppressed, key)) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static RedactedException copy(Throwable failure, String key) {
    Throwable cause = failure.getCause();
    RedactedException copy =
        new RedactedException(
            failure.getClass().getName() + ": " + redact(String.valueOf(failure.getMessage()), key),
            cause == null || cause == failure ? null : copy(cause, key));
    copy.setStackTrace(failure.getStackTrace());
    return copy;
  }

  private String key() {
    String key;
    try {
      key = credentials.get();
    } catch (RuntimeException supplierFailed) {
      return null;
    }
    if (key == null || key.strip().length() < MIN_FRAGMENT) {
      return null;
    }
    return key.strip();
  }

  /** A link of a failure chain whose message mentioned the API key, with the key masked. */
  public static final class RedactedException extends IOException {
    private static final long serialVersionUID = 1L;

    RedactedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
