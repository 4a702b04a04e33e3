package ai.clavata.sdk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-round values of an SDK-versus-raw measurement, and the markdown tables printed from them:
 * one row per round with both sides' values, then a summary with each side's median, the ratio of
 * the medians and the median of the per-round (paired) ratios, always SDK / raw.
 */
final class PairedRounds {
  /**
   * One measured quantity.
   *
   * @param name its column title, unit included
   * @param digits the decimals printed
   */
  record Metric(String name, int digits) {}

  private final List<Metric> metrics;
  private final List<String> orders = new ArrayList<>();
  private final List<List<Double>> sdk = new ArrayList<>();
  private final List<List<Double>> raw = new ArrayList<>();

  PairedRounds(Metric... metrics) {
    this.metrics = List.of(metrics);
    for (int i = 0; i < metrics.length; i++) {
      sdk.add(new ArrayList<>());
      raw.add(new ArrayList<>());
    }
  }

  /**
   * Adds one round.
   *
   * @param order which side ran first, such as {@code "SDK, raw"}
   * @param sdkValues the SDK's value of each metric, in the constructor's order
   * @param rawValues the raw side's values
   */
  void add(String order, double[] sdkValues, double[] rawValues) {
    orders.add(order);
    for (int i = 0; i < metrics.size(); i++) {
      sdk.get(i).add(sdkValues[i]);
      raw.get(i).add(rawValues[i]);
    }
  }

  /** Prints the per-round table, then the summary table. */
  void print() {
    StringBuilder head = new StringBuilder("| round | order |");
    StringBuilder rule = new StringBuilder("|---:|---|");
    for (Metric m : metrics) {
      head.append(" SDK ").append(m.name()).append(" | raw ").append(m.name()).append(" |");
      rule.append("---:|---:|");
    }
    System.out.println(head);
    System.out.println(rule);
    for (int r = 0; r < orders.size(); r++) {
      StringBuilder row = new StringBuilder("| " + (r + 1) + " | " + orders.get(r) + " |");
      for (int i = 0; i < metrics.size(); i++) {
        row.append(' ').append(format(sdk.get(i).get(r), i)).append(" |");
        row.append(' ').append(format(raw.get(i).get(r), i)).append(" |");
      }
      System.out.println(row);
    }
    System.out.println();
    System.out.println(
        "| measure | SDK median | raw median | SDK / raw, ratio of medians"
            + " | SDK / raw, median of per-round ratios | per-round ratios |");
    System.out.println("|---|---:|---:|---:|---:|---|");
    for (int i = 0; i < metrics.size(); i++) {
      double s = BenchStats.median(sdk.get(i));
      double w = BenchStats.median(raw.get(i));
      List<Double> paired = BenchStats.ratios(sdk.get(i), raw.get(i));
      System.out.printf(
          Locale.ROOT,
          "| %s | %s | %s | %.3f | %.3f | %s |%n",
          metrics.get(i).name(),
          format(s, i),
          format(w, i),
          s / w,
          BenchStats.median(paired),
          BenchStats.join(paired, 2));
    }
  }

  private String format(double value, int metric) {
    return String.format(Locale.ROOT, "%,." + metrics.get(metric).digits() + "f", value);
  }
}
