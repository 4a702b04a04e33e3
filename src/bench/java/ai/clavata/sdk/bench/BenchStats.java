package ai.clavata.sdk.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Order statistics and formatting shared by the benchmarks that report rounds. */
final class BenchStats {
  private BenchStats() {}

  /** The {@code q}-quantile (0 to 1) of {@code values} by the nearest-rank method; sorts a copy. */
  static long quantile(long[] values, double q) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** The median of {@code values}: the mean of the middle two for an even count. */
  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The element-wise ratios {@code a[i] / b[i]}. */
  static List<Double> ratios(List<Double> a, List<Double> b) {
    Double[] out = new Double[Math.min(a.size(), b.size())];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i) / b.get(i);
    }
    return List.of(out);
  }

  /** The values with {@code digits} decimals, separated by spaces, for a per-round column. */
  static String join(List<Double> values, int digits) {
    String format = "%." + digits + "f";
    return values.stream()
        .map(v -> String.format(Locale.ROOT, format, v))
        .collect(Collectors.joining(" "));
  }
}
