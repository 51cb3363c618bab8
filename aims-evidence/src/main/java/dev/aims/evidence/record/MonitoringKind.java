package dev.aims.evidence.record;

/** What a monitoring observation watches (A.6.2.6). */
public enum MonitoringKind {
  /** A quality measure of the outputs: accuracy, error rate, latency. */
  PERFORMANCE,
  /** A change in the inputs or outputs away from what the system was built and validated on. */
  DRIFT,
  /** A difference in outcomes between groups of people. */
  BIAS,
  /** Whether the system is up and answering. */
  AVAILABILITY
}
