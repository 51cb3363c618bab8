package dev.aims.core.objective;

import java.math.BigDecimal;

/** Which side of its target a measured value must lie on for an objective to be met. */
public enum TargetDirection {
  /** The measured value must be at least the target, e.g. accuracy. */
  AT_LEAST,
  /** The measured value must be at most the target, e.g. error rate. */
  AT_MOST;

  /** Returns whether {@code measured} meets {@code target} in this direction. */
  public boolean meets(BigDecimal measured, BigDecimal target) {
    int c = measured.compareTo(target);
    return this == AT_LEAST ? c >= 0 : c <= 0;
  }
}
