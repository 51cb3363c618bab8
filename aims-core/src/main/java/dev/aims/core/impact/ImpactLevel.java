package dev.aims.core.impact;

/**
 * The classification of an AI system impact assessment, lowest first (Clause 6.1.4). Each level
 * brings more controls: {@link #MEDIUM} enhanced transparency and human oversight, {@link #HIGH}
 * the maximum controls, mandatory human review and high disclosure.
 */
public enum ImpactLevel {
  /** Limited potential consequences for people; the baseline controls suffice. */
  LOW,
  /** Consequences that call for enhanced transparency and human oversight. */
  MEDIUM,
  /** Serious consequences: maximum controls, mandatory human review, high disclosure. */
  HIGH
}
