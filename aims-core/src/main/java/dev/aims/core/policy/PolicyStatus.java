package dev.aims.core.policy;

/** Where a policy document is in its life (Clause 7.5.2: review and approval). */
public enum PolicyStatus {
  /** Written, not yet approved. */
  DRAFT,
  /** Approved and in force from its effective date. */
  APPROVED,
  /** No longer in force. */
  WITHDRAWN
}
