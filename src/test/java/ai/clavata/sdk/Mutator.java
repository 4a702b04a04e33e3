package ai.clavata.sdk;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Seeded byte-level mutations of a valid body, for fuzz tests: flips, cuts, repeats, and insertions
 * of tokens that break parsers (nulls, brackets, quotes, huge numbers, the API key).
 */
public final class Mutator {
  private static final String[] TOKENS = {
    "null",
    "{}",
    "[]",
    "[",
    "]",
    "{",
    "}",
    "\"",
    ",",
    ":",
    "\n",
    "\r\n",
    "\\",
    "-1",
    "0",
    "1e999",
    "99999999999999999999",
    "\"NaN\"",
    "true",
    "\"\"",
    "\u0000",
    "\uFEFF",
    "\"\\u0000\"",
    "[null]",
    "{\"error\":null}",
    "\"Bearer " + TestClients.API_KEY + "\"",
    "\u00ff\u00fe",
    "\"x\":"
  };

  private final Random random;

  /** Mutations drawn from {@code seed}, the same every run. */
  public Mutator(long seed) {
    this.random = new Random(seed);
  }

  /** The random source, for choices the caller makes itself. */
  public Random random() {
    return random;
  }

  /** {@code seed} with one to four random mutations. */
  public byte[] mutate(byte[] seed) {
    byte[] bytes = seed;
    for (int n = 1 + random.nextInt(4); n > 0; n--) {
      bytes = mutateOnce(bytes);
    }
    return bytes;
  }

  /** {@code text} as UTF-8 with one to four random mutations. */
  public byte[] mutate(String text) {
    return mutate(text.getBytes(StandardCharsets.UTF_8));
  }

  private byte[] mutateOnce(byte[] bytes) {
    int length = bytes.length;
    int at = length == 0 ? 0 : random.nextInt(length + 1);
    int end = Math.min(length, at + random.nextInt(16) + 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream(length + 32);
    switch (random.nextInt(6)) {
      case 0 -> { // flip one byte
        byte[] copy = bytes.clone();
        if (length > 0) {
          copy[Math.min(at, length - 1)] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
      }
      case 1 -> { // cut the body short
        out.write(bytes, 0, at);
      }
      case 2 -> { // delete a range
        out.write(bytes, 0, at);
        out.write(bytes, end, length - end);
      }
      case 3 -> { // repeat a range
        out.write(bytes, 0, end);
        out.write(bytes, at, end - at);
        out.write(bytes, end, length - end);
      }
      default -> { // insert a token
        byte[] token = TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, at);
        out.write(token, 0, token.length);
        out.write(bytes, at, length - at);
      }
    }
    return out.toByteArray();
  }
}
