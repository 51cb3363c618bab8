package dev.aims.core.improvement;

/** Where a nonconformity or an improvement opportunity came from (Clauses 10.1, 10.2). */
public enum ImprovementSource {
  /** An internal audit finding (Clause 9.2). */
  INTERNAL_AUDIT,
  /** A finding of a certification body or other external auditor. */
  EXTERNAL_AUDIT,
  /** A management review decision (Clause 9.3). */
  MANAGEMENT_REVIEW,
  /** Monitoring and measurement results (Clause 9.1). */
  MONITORING,
  /** An AI incident. */
  INCIDENT,
  /** A risk or impact assessment (Clauses 8.2, 8.4). */
  ASSESSMENT,
  /** A complaint or report of concern from an interested party (A.3.3, A.8.3). */
  COMPLAINT,
  /** Any other source. */
  OTHER
}
