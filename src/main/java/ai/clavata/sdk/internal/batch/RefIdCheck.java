package ai.clavata.sdk.internal.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a batch input's repeated ref ids, in flat memory and at a few nanoseconds per row in the
 * common case.
 *
 * <p>While ids arrive in increasing order (shorter first, then by {@link String#compareTo}), as
 * {@code post-1, post-2, …} and exports sorted by key do, a new id cannot repeat an earlier one: it
 * is compared with the previous id only, and its hash is appended to a log. The first id out of
 * order loads the log into a {@link RefIdSet}, and from then on every id is looked up there. A
 * lookup in a table of a million hashes misses the CPU caches, so ids are queued and looked up
 * {@value #BATCH} at a time; a repeat is therefore found up to that many rows late. Report any
 * other problem with the input through {@link #firstProblem}, and call {@link #finish} at its end,
 * so that the first problem is the one reported.
 */
final class RefIdCheck {
  private static final int BATCH = 256;
  private static final int LOG_CHUNK = 8192;

  private final String file;
  private long rows;

  /** The last id, while every id so far came in order; null once one did not. */
  private String last = "";

  private final List<long[]> log = new ArrayList<>();
  private int logged = LOG_CHUNK;

  private final RefIdSet seen = new RefIdSet();
  private final long[] hashes = new long[BATCH];
  private final String[] refIds = new String[BATCH];
  private final long[] lines = new long[BATCH];
  private int queued;

  /**
   * @param file the input file, named in errors; null when the rows were generated
   */
  RefIdCheck(String file) {
    this.file = file;
  }

  /**
   * Takes the next row's ref id.
   *
   * @param line where the row starts in the file, or 0 for generated rows
   * @throws IllegalArgumentException naming the first queued row that repeats an earlier ref id
   */
  void add(String refId, long line) {
    long hash = RefIdSet.hash(refId);
    rows++;
    if (last != null) {
      if (follows(refId, last)) {
        last = refId;
        log(hash);
        return;
      }
      last = null;
      replayLog();
    }
    hashes[queued] = hash;
    refIds[queued] = refId;
    lines[queued] = line;
    if (++queued == BATCH) {
      finish();
    }
  }

  /**
   * Looks up the queued ids.
   *
   * @throws IllegalArgumentException naming the first row that repeats an earlier row's ref id
   */
  void finish() {
    int repeat = seen.addAll(hashes, queued);
    if (repeat >= 0) {
      throw new IllegalArgumentException(
          where(rows - queued + 1 + repeat, lines[repeat])
              + " repeats the ref_id '"
              + refIds[repeat]
              + "'; every row needs its own ref_id");
    }
    queued = 0;
  }

  /**
   * Returns the repeat among the queued ids, with {@code later} attached as suppressed, if there is
   * one, else {@code later}: the first problem of the input is the one to throw.
   */
  RuntimeException firstProblem(RuntimeException later) {
    try {
      finish();
    } catch (IllegalArgumentException repeat) {
      repeat.addSuppressed(later);
      return repeat;
    }
    return later;
  }

  /** "row 7" for generated rows, "row 7 (line 9) of in.csv" for a file. */
  String where(long row, long line) {
    return file == null ? "row " + row : "row " + row + " (line " + line + ") of " + file;
  }

  /** Whether {@code id} comes after {@code previous}: longer, or as long and greater. */
  private static boolean follows(String id, String previous) {
    return id.length() > previous.length()
        || id.length() == previous.length() && id.compareTo(previous) > 0;
  }

  private void log(long hash) {
    if (logged == LOG_CHUNK) {
      log.add(new long[LOG_CHUNK]);
      logged = 0;
    }
    log.get(log.size() - 1)[logged++] = hash;
  }

  /** Moves the logged hashes into the set, a chunk at a time, so both are never held whole. */
  private void replayLog() {
    for (int i = 0; i < log.size(); i++) {
      seen.addDistinct(log.get(i), i == log.size() - 1 ? logged : LOG_CHUNK);
      log.set(i, null);
    }
    log.clear();
  }
}
