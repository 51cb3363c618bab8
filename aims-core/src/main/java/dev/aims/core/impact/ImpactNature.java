package dev.aims.core.impact;

/** Whether a described impact harms or benefits those it reaches (A.5.4, A.5.5, A.8). */
public enum ImpactNature {
  /** The impact benefits those it reaches. */
  BENEFICIAL,
  /** The impact harms, or could harm, those it reaches. */
  ADVERSE
}
