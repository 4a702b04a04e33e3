package ai.clavata.sdk.batch;

import java.util.Locale;

/** What the {@code content} column of a batch row holds. */
public enum BatchContentType {
  /** Text to evaluate; written as {@code text}. */
  TEXT("text"),
  /** A publicly reachable image URL; written as {@code image_url}. */
  IMAGE_URL("image_url"),
  /** A type in a results file that this SDK version does not know. */
  UNRECOGNIZED("");

  private final String csvName;

  BatchContentType(String csvName) {
    this.csvName = csvName;
  }

  /**
   * The value of the {@code type} column.
   *
   * @return {@code text} or {@code image_url}
   */
  public String csvName() {
    return csvName;
  }

  /**
   * Reads a {@code type} cell.
   *
   * @param value the cell, in any case
   * @return the type, or {@link #UNRECOGNIZED}
   */
  public static BatchContentType fromCsv(String value) {
    String name = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    for (BatchContentType type : values()) {
      if (type != UNRECOGNIZED && type.csvName.equals(name)) {
        return type;
      }
    }
    return UNRECOGNIZED;
  }
}
