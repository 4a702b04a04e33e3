package ai.clavata.sdk.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Null-tolerant immutable copies: the gateway may send {@code null} where a list or map is empty. */
final class Copies {
  private Copies() {}

  static <T> List<T> list(List<T> source) {
    if (source == null || source.isEmpty()) {
      return List.of();
    }
    List<T> copy = new ArrayList<>(source.size());
    for (T item : source) {
      if (item != null) {
        copy.add(item);
      }
    }
    return Collections.unmodifiableList(copy);
  }

  /** Keeps the source's order, which for parsed JSON is the order the server wrote. */
  static <K, V> Map<K, V> map(Map<K, V> source) {
    if (source == null || source.isEmpty()) {
      return Map.of();
    }
    Map<K, V> copy = new LinkedHashMap<>(source.size() * 2);
    source.forEach(
        (key, value) -> {
          if (key != null && value != null) {
            copy.put(key, value);
          }
        });
    return Collections.unmodifiableMap(copy);
  }

  static <E extends Enum<E>> E orDefault(E value, E fallback) {
    return value != null ? value : fallback;
  }
}
