package dev.aims.core.scope;

/** Whether an issue of the organisation's context arises inside or outside it (Clause 4.1). */
public enum IssueType {
  /** Arises inside the organisation: culture, skills, processes, technology in use. */
  INTERNAL,
  /** Arises outside: law, market, society, technology trends, climate. */
  EXTERNAL
}
