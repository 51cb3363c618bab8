package dev.aims.core.system;

/** What a data source is used for in an AI system (A.7.2, A.4.3). */
public enum DataSourceKind {
  /** Data a model is trained or fine-tuned on. */
  TRAINING,
  /** Data used to tune and select models during development. */
  VALIDATION,
  /** Held-out data used to verify a model (A.6.2.4). */
  TEST,
  /** Data the system receives while in operation. */
  OPERATIONAL_INPUT,
  /** Reference data the system looks up while in operation, e.g. for retrieval. */
  REFERENCE
}
