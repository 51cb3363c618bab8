package dev.aims.core.catalog;

/** How far the ISO/IEC 42001 side of a crosswalk link covers the other side. */
public enum LinkRelation {
  /** The same requirement on both sides (shared harmonized-structure text, different subject). */
  EQUIVALENT,
  /** Most of the other side is covered; the two differ in scope or detail. */
  SUBSTANTIAL,
  /** Only part of the other side is covered; notable gaps remain. */
  PARTIAL,
  /** The two address the same topic; the link is informative, not a claim of coverage. */
  RELATED
}
