package ai.clavata.sdk.batch.internal;

/**
 * Remembers which ref ids a batch input has used, in flat memory: each id is kept as a 64-bit
 * hash in an open-addressing table (16 bytes per id at most), so a million ids take about 16 MB
 * instead of the ~100 MB their strings would. Two different ids collide with probability about
 * n²/2⁶⁵ (≈ 3·10⁻⁸ for a million rows); such a collision reports a duplicate that is not one.
 *
 * <p>The table is split into {@value #SHARDS} shards by the top bits of the (mixed) hash, each
 * growing on its own. One table of a million ids would be a single 16 MB array, allocated while
 * the old 8 MB one is still live: under a small heap such "humongous" arrays need contiguous free
 * regions and failed with an OutOfMemoryError at 1,000,000 ids under {@code -Xmx64m}. Shards stay
 * small (64 KB each at a million ids), and growing one copies only that shard.
 */
final class RefIdSet {
  private static final int SHARD_BITS = 8;
  private static final int SHARDS = 1 << SHARD_BITS;
  private static final int INITIAL_SLOTS = 16;

  private final long[][] shards = new long[SHARDS][];
  private final int[] sizes = new int[SHARDS];

  /** Adds {@code refId}; returns false if it (or an id with the same hash) was already there. */
  boolean add(String refId) {
    long hash = hash(refId);
    int shard = (int) (mix(hash) >>> (64 - SHARD_BITS));
    long[] table = shards[shard];
    if (table == null) {
      table = shards[shard] = new long[INITIAL_SLOTS];
    } else if (sizes[shard] * 2 >= table.length) {
      table = shards[shard] = grown(table);
    }
    if (!insert(table, hash)) {
      return false;
    }
    sizes[shard]++;
    return true;
  }

  /** Puts {@code hash} in {@code table} unless it is there; returns whether it was put. */
  private static boolean insert(long[] table, long hash) {
    int mask = table.length - 1;
    int slot = (int) mix(hash) & mask;
    while (table[slot] != 0) {
      if (table[slot] == hash) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    table[slot] = hash;
    return true;
  }

  private static long[] grown(long[] old) {
    long[] table = new long[old.length * 2];
    for (long hash : old) {
      if (hash != 0) {
        insert(table, hash);
      }
    }
    return table;
  }

  /** 64-bit FNV-1a over the UTF-16 code units, never 0 (0 marks an empty slot). */
  private static long hash(String value) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      hash = (hash ^ c) * 0x100000001b3L; // one step per UTF-16 unit: half the multiplies
    }
    return hash == 0 ? 1 : hash;
  }

  /**
   * A bijective finalizer (MurmurHash3's fmix64) that spreads every bit of the hash over the top
   * bits (the shard) and the low bits (the slot); the table stores the unmixed hash.
   */
  private static long mix(long hash) {
    long h = hash;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
