package dev.aims.core.catalog;

/** Why a crosswalk link exists: who states it. */
public enum LinkBasis {
  /** Stated by a published crosswalk (for NIST AI RMF: the crosswalk listed by NIST's AIRC). */
  PUBLISHED_CROSSWALK,
  /** Follows from both standards sharing the ISO harmonized structure for management systems. */
  HARMONIZED_STRUCTURE,
  /** Inferred by this project from the content of both sides; no public source states it. */
  INFERRED
}
