package ai.clavata.sdk.internal.batch;

/**
 * Remembers which ref ids a batch input has used, in flat memory: each id is kept as a 64-bit hash
 * in an open-addressing table (16 bytes per id at most), so a million ids take about 16 MB instead
 * of the ~100 MB their strings would. Two different ids collide with probability about n²/2⁶⁵ (≈
 * 3·10⁻⁸ for a million rows); such a collision reports a duplicate that is not one.
 *
 * <p>Hashes are best added in batches ({@link #addAll}). At a million ids nearly every insert
 * misses the CPU caches; between two rows' CSV writing each miss cost 100 to 300 ns. A batch of
 * hashes computed beforehand first reads each one's slot in a loop of independent loads, which the
 * CPU overlaps, then inserts them; measured, that is 2 to 3 times faster per id.
 *
 * <p>The table is split into {@value #SHARDS} shards by the top bits of the hash, each growing on
 * its own. One table of a million ids would be a single 16 MB array, allocated while the old 8 MB
 * one is still live: under a small heap such "humongous" arrays need contiguous free regions and
 * failed with an OutOfMemoryError at 1,000,000 ids under {@code -Xmx64m}. Shards stay small (64 KB
 * each at a million ids), and growing one copies only that shard.
 */
final class RefIdSet {
  private static final int SHARD_BITS = 8;
  private static final int SHARDS = 1 << SHARD_BITS;
  private static final int INITIAL_SLOTS = 16;

  private final long[][] shards = new long[SHARDS][];
  private final int[] sizes = new int[SHARDS];

  /** The sum of the slots {@link #addAll} reads ahead, kept so the JIT cannot drop the reads. */
  @SuppressWarnings("unused")
  private long readAhead;

  /**
   * The hash this set keeps for {@code refId}: 64-bit FNV-1a over the UTF-16 code units, spread by
   * a bijective finalizer (MurmurHash3's fmix64) so the top bits pick the shard and the low bits
   * the slot; never 0, which marks an empty slot.
   */
  static long hash(String refId) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < refId.length(); i++) {
      h = (h ^ refId.charAt(i)) * 0x100000001b3L; // one step per UTF-16 unit: half the multiplies
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }

  /** Adds {@code refId}; returns false if it (or an id with the same hash) was already there. */
  boolean add(String refId) {
    return add(hash(refId));
  }

  /**
   * Adds the first {@code count} of {@code hashes}, in order.
   *
   * @return the index of the first hash that was already there (or earlier in the batch), or -1;
   *     the hashes after it are not added
   */
  int addAll(long[] hashes, int count) {
    long sum = 0;
    for (int i = 0; i < count; i++) {
      long[] table = shards[shard(hashes[i])];
      if (table != null) {
        sum += table[(int) hashes[i] & (table.length - 1)];
      }
    }
    readAhead = sum;
    for (int i = 0; i < count; i++) {
      if (!add(hashes[i])) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Adds the first {@code count} of {@code hashes}, the hashes of ids known to be distinct: two
   * that are equal (a collision) are kept once.
   */
  void addDistinct(long[] hashes, int count) {
    for (int i = 0; i < count; i++) {
      add(hashes[i]);
    }
  }

  private boolean add(long hash) {
    int shard = shard(hash);
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

  private static int shard(long hash) {
    return (int) (hash >>> (64 - SHARD_BITS));
  }

  /** Puts {@code hash} in {@code table} unless it is there; returns whether it was put. */
  private static boolean insert(long[] table, long hash) {
    int mask = table.length - 1;
    int slot = (int) hash & mask;
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
}
