package dev.aims.core.catalog;

/**
 * Anything in the catalogue that has an id and a title: a clause, an Annex A area, control
 * objective or control, an Annex C objective or risk source.
 */
public interface CatalogEntry {
  /** Returns the id as printed in the standard, e.g. {@code 6.1.4} or {@code A.6.2.8}. */
  String id();

  /** Returns the exact title in the standard. */
  String title();
}
