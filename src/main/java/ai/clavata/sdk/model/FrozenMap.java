package ai.clavata.sdk.model;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An immutable map that keeps insertion order (the order the server wrote) and has no null keys or
 * values. Being a type of our own, it can be passed through the records' normalizing constructors
 * without another copy.
 */
final class FrozenMap<K, V> extends AbstractMap<K, V> {
  private final Map<K, V> entries;

  private FrozenMap(LinkedHashMap<K, V> entries) {
    this.entries = entries;
  }

  /** The map itself if already frozen, else a copy without null keys or values. */
  static <K, V> Map<K, V> of(Map<K, V> source) {
    if (source instanceof FrozenMap) {
      return source;
    }
    LinkedHashMap<K, V> copy = new LinkedHashMap<>(source.size() * 2);
    source.forEach(
        (key, value) -> {
          if (key != null && value != null) {
            copy.put(key, value);
          }
        });
    return new FrozenMap<>(copy);
  }

  @Override
  public Set<Entry<K, V>> entrySet() {
    return Collections.unmodifiableMap(entries).entrySet();
  }

  @Override
  public V get(Object key) {
    return entries.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return entries.containsKey(key);
  }

  @Override
  public int size() {
    return entries.size();
  }
}
