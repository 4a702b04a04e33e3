package ai.clavata.sdk.internal;

import ai.clavata.sdk.model.ContentData;
import java.time.Duration;
import java.util.List;

/**
 * The local checks every evaluation request passes before anything is sent, so that a mistake is an
 * {@link IllegalArgumentException} naming the field, not a 400 from the server.
 */
public final class Validation {
  private Validation() {}

  /** Requires a non-blank policy id. */
  public static String requirePolicyId(String policyId) {
    if (policyId == null || policyId.isBlank()) {
      throw new IllegalArgumentException(
          "policyId is required: pass the id of the policy to evaluate against");
    }
    return policyId;
  }

  /** Requires at least one item, each with exactly one content kind. */
  public static List<ContentData> requireContent(List<ContentData> items) {
    if (items.isEmpty()) {
      throw new IllegalArgumentException(
          "at least one content item is required: call addContent(ContentData.text(...))");
    }
    for (int i = 0; i < items.size(); i++) {
      int kinds = items.get(i).contentKindCount();
      if (kinds != 1) {
        throw new IllegalArgumentException(
            "contentData["
                + i
                + "] has "
                + kinds
                + " content kinds set; set exactly one of text, image or imageUrl "
                + "(build items with ContentData.text, ContentData.image or ContentData.imageUrl)");
      }
    }
    return items;
  }

  /** Requires a threshold in [0, 1], or {@code null} for the server's default. */
  public static Double requireThreshold(Double threshold) {
    if (threshold != null && !(threshold >= 0.0 && threshold <= 1.0)) {
      throw new IllegalArgumentException(
          "threshold must be between 0.0 and 1.0 inclusive, but was " + threshold);
    }
    return threshold;
  }

  /**
   * Requires an id that can be sent as one path segment: not blank, and not {@code "."} or {@code
   * ".."}, which OkHttp resolves as dot segments (even percent-encoded) and so would send the
   * request to another path.
   */
  public static String requireId(String name, String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException(name + " is required and must not be blank");
    }
    if (id.equals(".") || id.equals("..")) {
      throw new IllegalArgumentException(
          name + " '" + id + "' is not an id: it cannot be sent as a path segment");
    }
    return id;
  }

  /**
   * Requires a duration that is zero (none) or positive, such as a timeout setting.
   *
   * @param name the setting, for the message
   * @param duration the value
   * @return {@code duration}
   */
  public static Duration requireNonNegative(String name, Duration duration) {
    if (duration == null || duration.isNegative()) {
      throw new IllegalArgumentException(
          name + " must be zero (none) or positive, but was " + duration);
    }
    return duration;
  }

  /**
   * Requires a positive duration, such as a keep-alive.
   *
   * @param name the setting, for the message
   * @param duration the value
   * @return {@code duration}
   */
  public static Duration requirePositive(String name, Duration duration) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, but was " + duration);
    }
    return duration;
  }

  /**
   * Requires a size limit of at least 1024 bytes: a safety bound, not the size of a response.
   *
   * @param name the setting, for the message
   * @param bytes the value
   * @return {@code bytes}
   */
  public static long requireSize(String name, long bytes) {
    if (bytes < 1024) {
      throw new IllegalArgumentException(
          name
              + " must be at least 1024 bytes, but was "
              + bytes
              + "; it is a safety limit, not a size to expect");
    }
    return bytes;
  }
}
