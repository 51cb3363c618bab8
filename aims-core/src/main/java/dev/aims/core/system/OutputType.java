package dev.aims.core.system;

/**
 * What an AI system produces; it weighs on the impact assessment (Clause 6.1.4, A.5.2) because an
 * autonomous decision reaches people more directly than decision support.
 */
public enum OutputType {
  /** Informs a decision that a person takes. */
  DECISION_SUPPORT,
  /** Takes a decision without a person in between. */
  AUTONOMOUS_DECISION,
  /** Generates text, images, audio, video or code. */
  CONTENT_GENERATION,
  /** Assigns inputs to categories. */
  CLASSIFICATION,
  /** Estimates a value or an outcome. */
  PREDICTION,
  /** Ranks or suggests items or actions. */
  RECOMMENDATION
}
