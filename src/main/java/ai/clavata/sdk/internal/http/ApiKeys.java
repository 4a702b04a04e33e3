package ai.clavata.sdk.internal.http;

/**
 * Checks that an API key can travel in an HTTP header, and says what is wrong with it without ever
 * showing it: a message may end up in a log, the key must not.
 */
public final class ApiKeys {
  private ApiKeys() {}

  /**
   * What makes {@code key} (already stripped) unusable as a header value, or {@code null} if it is
   * fine. Only visible ASCII is allowed: a CR or LF would split the header, a NUL or other control
   * character is refused by HTTP stacks, and anything else is not a key the console issues.
   *
   * @param key the key, stripped of surrounding whitespace
   * @return a description such as {@code "a line break (CR or LF) at index 12"}, or {@code null}
   */
  public static String problem(String key) {
    if (key == null || key.isEmpty()) {
      return "it is blank";
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c >= 0x21 && c <= 0x7e) {
        continue;
      }
      String what;
      if (c == '\r' || c == '\n') {
        what = "a line break (CR or LF)";
      } else if (c == 0) {
        what = "a NUL character";
      } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        what = "whitespace";
      } else if (c < 0x20 || c == 0x7f) {
        what = "a control character";
      } else {
        what = "a non-ASCII character";
      }
      return "it contains " + what + " at index " + i;
    }
    return null;
  }
}
