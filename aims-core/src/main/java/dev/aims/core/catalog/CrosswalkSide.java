package dev.aims.core.catalog;

/** The side of a crosswalk an id belongs to. */
public enum CrosswalkSide {
  /** An ISO/IEC 42001 clause or Annex A control. */
  ISO_42001,
  /** An item of the other framework. */
  FRAMEWORK
}
