package ai.clavata.sdk.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Null-tolerant immutable copies: the gateway may send {@code null} where a list or map is empty.
 */
final class Copies {
  private Copies() {}

  static <T> List<T> list(List<T> source) {
    if (source == null || source.isEmpty()) {
      return List.of();
    }
    boolean hasNull = false;
    for (T item : source) {
      hasNull |= item == null;
    }
    if (!hasNull) {
      return List.copyOf(source); // no copy at all when the source is already such a list
    }
    List<T> copy = new ArrayList<>(source.size());
    for (T item : source) {
      if (item != null) {
        copy.add(item);
      }
    }
    return List.copyOf(copy);
  }

  /** Keeps the source's order, which for parsed JSON is the order the server wrote. */
  static <K, V> Map<K, V> map(Map<K, V> source) {
    return source == null || source.isEmpty() ? Map.of() : FrozenMap.of(source);
  }

  static <E extends Enum<E>> E orDefault(E value, E fallback) {
    return value != null ? value : fallback;
  }
}
