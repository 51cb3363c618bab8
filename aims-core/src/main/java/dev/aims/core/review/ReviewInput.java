package dev.aims.core.review;

/** The inputs a management review must consider (Clause 9.3.2). */
public enum ReviewInput {
  /** Status of actions from previous management reviews. */
  PREVIOUS_ACTIONS,
  /** Changes in external and internal issues relevant to the AIMS. */
  CONTEXT_CHANGES,
  /** Changes in the needs and expectations of interested parties. */
  INTERESTED_PARTY_CHANGES,
  /** Trends in nonconformities and corrective actions. */
  NONCONFORMITIES_AND_CORRECTIVE_ACTIONS,
  /** Trends in monitoring and measurement results. */
  MONITORING_AND_MEASUREMENT,
  /** Trends in audit results. */
  AUDIT_RESULTS,
  /** Opportunities for continual improvement. */
  IMPROVEMENT_OPPORTUNITIES
}
