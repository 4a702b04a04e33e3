package ai.clavata.sdk.batch.internal;

/**
 * Remembers which ref ids a batch input has used, in flat memory: each id is kept as a 64-bit
 * hash in an open-addressing table (16 bytes per id at most), so a million ids take about 16 MB
 * instead of the ~100 MB their strings would. Two different ids collide with probability about
 * n²/2⁶⁵ (≈ 3·10⁻⁸ for a million rows); such a collision reports a duplicate that is not one.
 */
final class RefIdSet {
  private long[] slots = new long[1 << 12];
  private int size;

  /** Adds {@code refId}; returns false if it (or an id with the same hash) was already there. */
  boolean add(String refId) {
    long hash = hash(refId);
    if (size * 2 >= slots.length) {
      grow();
    }
    return insert(slots, hash);
  }

  private boolean insert(long[] table, long hash) {
    int mask = table.length - 1;
    int slot = (int) (hash ^ (hash >>> 32)) & mask;
    while (table[slot] != 0) {
      if (table[slot] == hash) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    table[slot] = hash;
    if (table == slots) {
      size++;
    }
    return true;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    for (long hash : old) {
      if (hash != 0) {
        insert(slots, hash);
      }
    }
  }

  /** 64-bit FNV-1a over the UTF-16 code units, never 0 (0 marks an empty slot). */
  private static long hash(String value) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      hash = (hash ^ (c & 0xff)) * 0x100000001b3L;
      hash = (hash ^ (c >>> 8)) * 0x100000001b3L;
    }
    return hash == 0 ? 1 : hash;
  }
}
