package dev.aims.core.catalog;

/**
 * Which role of the organisation a control bears on mostly (ISO/IEC 22989 roles, Clause 4.1): the
 * AI provider that builds and supplies a system, the AI user (customer) that operates one, or both
 * alike.
 */
public enum ApplicabilityEmphasis {
  /** Mostly for organisations that develop or provide AI systems. */
  PROVIDER,
  /** Mostly for organisations that use (deploy, operate) AI systems. */
  USER,
  /** Equally relevant to providers and users. */
  BOTH
}
