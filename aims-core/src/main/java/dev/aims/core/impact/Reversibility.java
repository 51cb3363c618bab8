package dev.aims.core.impact;

/** How far the effects of an AI system's outputs can be undone, easiest first (A.5.4). */
public enum Reversibility {
  /** The effect is undone quickly and fully, e.g. by a person correcting the output. */
  REVERSIBLE,
  /** The effect can be undone, but only through an appeal, a complaint or time and money. */
  REVERSIBLE_WITH_EFFORT,
  /** The effect cannot be undone. */
  IRREVERSIBLE
}
