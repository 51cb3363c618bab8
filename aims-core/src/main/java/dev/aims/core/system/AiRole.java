package dev.aims.core.system;

/**
 * A role an organisation can hold toward an AI system, as ISO/IEC 22989 names them; Clause 4.1 asks
 * the organisation to determine its roles.
 *
 * <p>One organisation often holds several roles toward the same system, for example provider and
 * customer of a model it builds on a third-party base model.
 */
public enum AiRole {
  /** Makes an AI system or service available to others, including inside the organisation. */
  AI_PROVIDER,
  /** Designs, develops, tests or deploys the AI system or its components. */
  AI_PRODUCER,
  /** The AI user / customer: uses an AI system or service supplied by someone else. */
  AI_CUSTOMER,
  /** Supplies services around AI: integration, data, evaluation, auditing. */
  AI_PARTNER,
  /** Is affected by the system's outputs or decisions, or provides data to it. */
  AI_SUBJECT,
  /** Regulates or supervises AI systems, or sets policy for them. */
  RELEVANT_AUTHORITY
}
