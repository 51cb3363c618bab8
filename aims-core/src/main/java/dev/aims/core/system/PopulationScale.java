package dev.aims.core.system;

/** How many people an AI system's outputs reach; an input of the impact assessment (A.5.4). */
public enum PopulationScale {
  /** A small, bounded group, such as one team. */
  SMALL,
  /** Many people, such as the customers of one region. */
  MEDIUM,
  /** A large share of a market or a country. */
  LARGE,
  /** Whole populations, or several countries. */
  VERY_LARGE
}
