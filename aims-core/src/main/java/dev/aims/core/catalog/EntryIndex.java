package dev.aims.core.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The entries of one kind (clauses, controls, ...) in catalogue order, looked up by id ignoring
 * case. Immutable once built.
 */
final class EntryIndex<T> {
  private static final int SUGGESTIONS = 3;

  private final String kind;
  private final List<T> entries;
  private final Map<String, T> byKey;
  private final List<String> ids;

  EntryIndex(String kind, List<T> entries, Function<T, String> id) {
    this.kind = kind;
    this.entries = List.copyOf(entries);
    Map<String, T> map = new LinkedHashMap<>();
    for (T e : this.entries) {
      if (map.put(key(id.apply(e)), e) != null) {
        throw new CatalogLoadException("duplicate " + kind + " id '" + id.apply(e) + "'");
      }
    }
    this.byKey = map;
    this.ids = this.entries.stream().map(id).toList();
  }

  private static String key(String id) {
    return id.toUpperCase(Locale.ROOT);
  }

  List<T> all() {
    return entries;
  }

  List<String> ids() {
    return ids;
  }

  Optional<T> find(String id) {
    Objects.requireNonNull(id, () -> kind + " id");
    return Optional.ofNullable(byKey.get(key(id)));
  }

  boolean contains(String id) {
    return find(id).isPresent();
  }

  T get(String id) {
    return find(id).orElseThrow(() -> unknown(id));
  }

  /** The exception for an id that is not in this index, naming the nearest ids that are. */
  UnknownIdException unknown(String id) {
    return new UnknownIdException(kind, id, IdNearness.nearest(id, ids, SUGGESTIONS));
  }
}
