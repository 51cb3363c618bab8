package dev.aims.core.validation;

import dev.aims.core.catalog.Catalog;
import dev.aims.core.catalog.UnknownIdException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Collects the broken invariants of one AIMS record and throws them together, so that {@code
 * build()} reports every cross-field problem and every unknown clause or control id of a record at
 * once, each naming the field and the value.
 *
 * <p>The record types of {@code dev.aims.core} call it from their {@code @Value.Check} methods,
 * starting with {@link #constraints(Object)}, so that the field-level Jakarta constraints and the
 * invariants of a record are reported together. Not thread-safe; use one instance per check.
 */
public final class Invariants {
  /**
   * The pattern of record ids (objectives, audits, nonconformities, incidents...): letters, digits,
   * {@code .}, {@code _} and {@code -}, 1 to 64 characters, starting with a letter or digit, e.g.
   * {@code NC-2025-004}.
   */
  public static final String RECORD_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

  /**
   * The pattern of optional text: absent, or present with a non-blank value ({@code @NotBlank}
   * would also reject the absent value).
   */
  public static final String TEXT = "(?s).*\\S.*";

  private final String record;
  private final List<Violation> found = new ArrayList<>();

  private Invariants(String record) {
    this.record = record;
  }

  /**
   * Starts the checks of one record.
   *
   * @param type the record type, e.g. {@code AuditReport}
   * @param id the record's id, used to name it in the error
   */
  public static Invariants of(String type, String id) {
    return new Invariants(type + " '" + id + "'");
  }

  /**
   * Starts the checks of a part of a record that has no id of its own, such as a described impact.
   *
   * @param type the part's type, e.g. {@code DescribedImpact}
   */
  public static Invariants of(String type) {
    return new Invariants(type);
  }

  /**
   * Records every broken Jakarta constraint declared on {@code record}'s own fields, as {@link
   * RecordValidator#ownFieldViolations(Object)} finds them.
   *
   * <p>Every value type with declared constraints calls this from its {@code @Value.Check}, so that
   * a value that exists is valid. Nested values are not visited again: they were checked when they
   * were built.
   *
   * @param record the record being built, {@code this} in its {@code @Value.Check}
   */
  public Invariants constraints(Object record) {
    found.addAll(RecordValidator.ownFieldViolations(record));
    return this;
  }

  /**
   * Records a violation unless {@code holds}.
   *
   * @param path the field, e.g. {@code findings[2].references[0]}
   * @param constraint a short name of the rule, e.g. {@code DateOrder}
   * @param value the offending value
   * @param message what is wrong, in words
   */
  public Invariants require(
      boolean holds, String path, String constraint, Object value, String message) {
    if (!holds) {
      found.add(new Violation(path, constraint, text(value), message));
    }
    return this;
  }

  /**
   * Requires {@code later} to be on or after {@code earlier}; absent values are not compared.
   *
   * @param path the field holding {@code later}
   * @param later the value that must not come first
   * @param earlierName the field holding {@code earlier}, named in the message
   * @param earlier the value that must not come after
   */
  public <T extends Comparable<? super T>> Invariants notBefore(
      String path, Optional<T> later, String earlierName, Optional<T> earlier) {
    if (later.isPresent() && earlier.isPresent()) {
      require(
          later.get().compareTo(earlier.get()) >= 0,
          path,
          "DateOrder",
          later.get(),
          "must not be before " + earlierName + " (" + earlier.get() + ")");
    }
    return this;
  }

  /** Same as {@link #notBefore(String, Optional, String, Optional)} for present values. */
  public <T extends Comparable<? super T>> Invariants notBefore(
      String path, T later, String earlierName, T earlier) {
    return notBefore(path, Optional.of(later), earlierName, Optional.of(earlier));
  }

  /**
   * Requires the keys of {@code items} to be distinct; each repeat is reported at its index.
   *
   * @param path the list field, e.g. {@code findings}
   * @param items the list
   * @param key what must be unique, e.g. {@code Finding::id}
   * @param keyName the name of the key, e.g. {@code id}
   */
  public <T> Invariants unique(
      String path, List<T> items, Function<? super T, ?> key, String keyName) {
    Set<Object> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      Object k = key.apply(items.get(i));
      if (!seen.add(k)) {
        found.add(
            new Violation(
                path + "[" + i + "]" + (keyName.isEmpty() ? "" : "." + keyName),
                "Unique",
                text(k),
                "repeats an earlier entry of " + path));
      }
    }
    return this;
  }

  /**
   * Requires every id to name a clause (4 to 10, e.g. {@code 9.2.2}) or an Annex A control (e.g.
   * {@code A.6.2.8}) of ISO/IEC 42001:2023, case ignored, each once; unknown ids are reported with
   * the nearest real ones.
   *
   * @param path the list field, e.g. {@code references}
   * @param ids the ids as given
   */
  public Invariants clausesOrControls(String path, List<String> ids) {
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      if (repeats(path, ids, i)) {
        continue;
      }
      boolean control = normal(id).startsWith("A.");
      catalogId(path + "[" + i + "]", id, control);
    }
    return this;
  }

  /**
   * Requires every id to name an Annex A control, case ignored, each once.
   *
   * @param path the list field, e.g. {@code controls}
   * @param ids the ids as given
   */
  public Invariants controls(String path, List<String> ids) {
    for (int i = 0; i < ids.size(); i++) {
      if (repeats(path, ids, i)) {
        continue;
      }
      catalogId(path + "[" + i + "]", ids.get(i), true);
    }
    return this;
  }

  // Ids are compared ignoring case and surrounding blanks, as the catalogue looks them up.
  private boolean repeats(String path, List<String> ids, int index) {
    String id = normal(ids.get(index));
    for (int i = 0; i < index; i++) {
      if (normal(ids.get(i)).equals(id)) {
        found.add(
            new Violation(
                path + "[" + index + "]",
                "Unique",
                text(ids.get(index)),
                "repeats " + path + "[" + i + "]"));
        return true;
      }
    }
    return false;
  }

  private static String normal(String id) {
    return id.trim().toUpperCase(Locale.ROOT);
  }

  private void catalogId(String path, String id, boolean control) {
    Catalog catalog = Catalog.standard();
    try {
      if (control) {
        catalog.control(id);
      } else {
        catalog.clause(id);
      }
    } catch (UnknownIdException e) {
      found.add(
          new Violation(
              path,
              control ? "AnnexAControl" : "Clause",
              text(id),
              (control
                      ? "not an Annex A control of ISO/IEC 42001:2023"
                      : "not a clause (4 to 10) or Annex A control of ISO/IEC 42001:2023")
                  + (e.suggestions().isEmpty()
                      ? ""
                      : "; nearest: " + String.join(", ", e.suggestions()))));
    }
  }

  /**
   * Throws when any invariant was broken.
   *
   * @throws InvalidRecordException listing every violation found, sorted by path
   */
  public void check() {
    if (!found.isEmpty()) {
      found.sort(Comparator.comparing(Violation::path).thenComparing(Violation::constraint));
      throw new InvalidRecordException(record, found);
    }
  }

  private static String text(Object value) {
    if (value instanceof Optional<?> o) {
      return o.map(Invariants::text).orElse("empty");
    }
    return value == null ? "null" : "'" + value + "'";
  }
}
