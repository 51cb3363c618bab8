package dev.aims.core.improvement;

/** Where the handling of a nonconformity stands (Clause 10.2). */
public enum NonconformityStatus {
  /** Recorded; reaction and analysis not started. */
  OPEN,
  /** Causes being analysed (Clause 10.2 b). */
  UNDER_ANALYSIS,
  /** Corrective actions decided and under way (Clause 10.2 c). */
  ACTIONS_IN_PROGRESS,
  /** Actions taken and found effective (Clause 10.2 d); closed. */
  CLOSED
}
