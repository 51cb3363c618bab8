package dev.aims.core.catalog;

/** Where a {@link Term} is defined, so that a reader knows which text to consult. */
public enum TermOrigin {
  /** Defined in Clause 3 of ISO/IEC 42001:2023; {@link Term#clause3Id()} gives its number. */
  CLAUSE_3("Defined in ISO/IEC 42001:2023 Clause 3"),
  /** Defined in ISO/IEC 22989:2022, the standard's only normative reference. */
  ISO_IEC_22989("Defined in ISO/IEC 22989:2022"),
  /** Used by ISO/IEC 42001 without a definition of its own; the meaning comes from its use. */
  STANDARD_USAGE("Used by ISO/IEC 42001 without a definition"),
  /** A practitioners' name or abbreviation that the standard itself does not use. */
  PRACTICE("A practitioners' term");

  private final String description;

  TermOrigin(String description) {
    this.description = description;
  }

  /** Returns where the term is defined, as a sentence fragment such as "Defined in ...". */
  public String description() {
    return description;
  }
}
