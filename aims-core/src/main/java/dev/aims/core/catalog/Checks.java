package dev.aims.core.catalog;

import java.util.List;

/** Invariant checks shared by the catalogue's value types; messages name the entry and field. */
final class Checks {
  private Checks() {}

  static void text(String owner, String field, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(owner + ": " + field + " must not be blank");
    }
  }

  static void texts(String owner, String field, List<String> values, int min, int max) {
    if (values.size() < min || values.size() > max) {
      throw new IllegalArgumentException(
          owner
              + ": "
              + field
              + " must have "
              + min
              + " to "
              + max
              + " entries, but had "
              + values.size());
    }
    for (int i = 0; i < values.size(); i++) {
      text(owner, field + "[" + i + "]", values.get(i));
    }
  }

  static void id(String owner, String value, String pattern) {
    if (!value.matches(pattern)) {
      throw new IllegalArgumentException(owner + ": id '" + value + "' does not match " + pattern);
    }
  }

  /** Checks the id pattern and the non-blank title and gist that every titled entry has. */
  static void entry(String owner, String id, String pattern, String title, String gist) {
    id(owner, id, pattern);
    text(owner, "title", title);
    text(owner, "gist", gist);
  }
}
