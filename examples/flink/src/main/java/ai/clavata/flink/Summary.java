package ai.clavata.flink;

import java.util.Map;
import java.util.TreeMap;

/** Counts of a moderation run: verdicts, flagged, clean and failed elements, matches per label. */
final class Summary {
  private long total;
  private long flagged;
  private long failed;
  private final Map<String, Long> labels = new TreeMap<>();

  /** Counts one verdict. */
  void add(Verdict<?> verdict) {
    total++;
    if (verdict.failed()) {
      failed++;
    } else if (verdict.flagged()) {
      flagged++;
    }
    verdict.matchedLabels().keySet().forEach(label -> labels.merge(label, 1L, Long::sum));
  }

  long total() {
    return total;
  }

  long flagged() {
    return flagged;
  }

  long failed() {
    return failed;
  }

  long clean() {
    return total - flagged - failed;
  }

  /** How many verdicts matched each label. */
  Map<String, Long> labels() {
    return Map.copyOf(labels);
  }

  @Override
  public String toString() {
    return total
        + " posts: "
        + flagged
        + " flagged, "
        + clean()
        + " clean, "
        + failed
        + " failed; matches per label "
        + labels;
  }
}
