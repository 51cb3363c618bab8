package dev.aims.core.catalog;

/** Where a {@link Term} is defined, so that a reader knows which text to consult. */
public enum TermOrigin {
  /** Defined in Clause 3 of ISO/IEC 42001:2023; {@link Term#clause3Id()} gives its number. */
  CLAUSE_3,
  /** Defined in ISO/IEC 22989:2022, the standard's only normative reference. */
  ISO_IEC_22989,
  /** Used by ISO/IEC 42001 without a definition of its own; the meaning comes from its use. */
  STANDARD_USAGE,
  /** A practitioners' name or abbreviation that the standard itself does not use. */
  PRACTICE
}
