package dev.aims.core.review;

/** What a management review decision is about (Clause 9.3.3). */
public enum DecisionKind {
  /** Takes up an opportunity for continual improvement (Clause 10.1). */
  IMPROVEMENT,
  /** Changes the AIMS: scope, policy, objectives, processes. */
  CHANGE_TO_AIMS,
  /** Provides or reallocates resources. */
  RESOURCES,
  /** Any other decision. */
  OTHER
}
