package dev.aims.core.system;

/**
 * How people oversee an AI system's outputs (A.9.2, A.6.2.6); weaker oversight raises the impact of
 * an autonomous system.
 */
public enum HumanOversightMode {
  /** People decide whether, when and how the system is used, and can override it at any time. */
  HUMAN_IN_COMMAND,
  /** A person reviews every output before it takes effect. */
  HUMAN_IN_THE_LOOP,
  /** People monitor the system in operation and can intervene. */
  HUMAN_ON_THE_LOOP,
  /** No person oversees the outputs. */
  NONE
}
