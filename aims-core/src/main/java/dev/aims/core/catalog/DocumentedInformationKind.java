package dev.aims.core.catalog;

/** Whether a clause requires documented information, and of which kind (Clause 7.5). */
public enum DocumentedInformationKind {
  /** The clause requires no documented information of its own. */
  NONE,
  /** A document the organisation maintains and keeps current (e.g. the AI policy). */
  DOCUMENT,
  /** A record the organisation retains as evidence of what was done (e.g. audit results). */
  RECORD
}
