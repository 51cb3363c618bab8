package dev.aims.core.catalog;

/**
 * Which role of the organisation a control bears on mostly (ISO/IEC 22989 roles, Clause 4.1): the
 * AI provider that builds and supplies a system, the AI user (customer) that operates one, or both
 * alike.
 */
public enum ApplicabilityEmphasis {
  /** Mostly for organisations that develop or provide AI systems. */
  PROVIDER("mostly organisations that develop or provide AI systems"),
  /** Mostly for organisations that use (deploy, operate) AI systems. */
  USER("mostly organisations that use AI systems"),
  /** Equally relevant to providers and users. */
  BOTH("providers and users alike");

  private final String description;

  ApplicabilityEmphasis(String description) {
    this.description = description;
  }

  /** Returns whom the emphasis points to, in a few lower-case words. */
  public String description() {
    return description;
  }
}
