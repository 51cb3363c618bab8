package dev.aims.evidence.record;

/** What a person did with an AI system's output when overseeing it (A.9.2, A.6.2.8). */
public enum OversightOutcome {
  /** The output was accepted as it was. */
  APPROVED,
  /** The output was accepted after changes. */
  MODIFIED,
  /** The output was replaced by the person's own decision; a reason is required. */
  OVERRIDDEN,
  /** The output was rejected and not acted on. */
  REJECTED,
  /** The output was passed to someone with more authority to decide. */
  ESCALATED
}
