package dev.aims.core.competence;

/** How an awareness activity was delivered. */
public enum AwarenessMethod {
  /** A live session, in person or online. */
  SESSION,
  /** A self-paced online course. */
  E_LEARNING,
  /** A written briefing or policy acknowledgement. */
  BRIEFING,
  /** Any other way. */
  OTHER
}
