package dev.aims.core.risk;

/**
 * The level of a risk, lowest first (Clause 6.1.2 analysis, 6.1.1 criteria).
 *
 * <p>A risk matrix uses some of these levels, always in this order: a higher cell never gets a
 * lower level. The default 5 by 5 matrix uses {@link #LOW} to {@link #CRITICAL}; {@link
 * #NEGLIGIBLE} is there for organisations whose matrix needs a band below low.
 */
public enum RiskLevel {
  /** Too small to treat; recorded for completeness. */
  NEGLIGIBLE,
  /** Acceptable with routine monitoring. */
  LOW,
  /** Tolerable under conditions the criteria set. */
  MEDIUM,
  /** Needs treatment, or acceptance by someone with the authority to accept it. */
  HIGH,
  /** Needs treatment before the AI system is used, or a decision at the top of the organisation. */
  CRITICAL;

  /** Returns whether this level is higher than {@code other}. */
  public boolean isAbove(RiskLevel other) {
    return compareTo(other) > 0;
  }
}
