package ai.clavata.sdk.internal;

/**
 * Byte counts as people read them in messages: {@code 16 MiB}, {@code 512 KiB}, {@code 100 bytes}.
 */
public final class Sizes {
  private Sizes() {}

  /**
   * A byte count in the largest binary unit that divides it, else in bytes.
   *
   * @param bytes the count
   * @return such as {@code "16 MiB"}
   */
  public static String describe(long bytes) {
    String[] units = {"bytes", "KiB", "MiB", "GiB"};
    int unit = 0;
    long value = bytes;
    while (unit < units.length - 1 && value >= 1024 && value % 1024 == 0) {
      value /= 1024;
      unit++;
    }
    return value + " " + units[unit];
  }
}
