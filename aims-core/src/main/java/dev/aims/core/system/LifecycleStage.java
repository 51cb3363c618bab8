package dev.aims.core.system;

/**
 * The life-cycle stages of an AI system as ISO/IEC 22989 describes them; A.6.2 asks for criteria
 * and requirements per stage.
 */
public enum LifecycleStage {
  /** The need, objectives and feasibility are being worked out. */
  INCEPTION,
  /** The system is being designed and built, models trained. */
  DESIGN_AND_DEVELOPMENT,
  /** The system is checked against its requirements and intended use (A.6.2.4). */
  VERIFICATION_AND_VALIDATION,
  /** The system is being released into its target environment (A.6.2.5). */
  DEPLOYMENT,
  /** The system is in use and monitored (A.6.2.6). */
  OPERATION_AND_MONITORING,
  /** A system that keeps learning is checked again continuously while in use. */
  CONTINUOUS_VALIDATION,
  /** The system's fitness is evaluated again after changes or at planned intervals. */
  RE_EVALUATION,
  /** The system is being withdrawn and decommissioned. */
  RETIREMENT
}
