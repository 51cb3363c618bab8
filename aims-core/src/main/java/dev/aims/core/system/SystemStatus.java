package dev.aims.core.system;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where an AI system stands in the organisation's register (A.4.2). Each status admits only the
 * life-cycle stages that can go with it, so that a register entry does not contradict itself.
 */
public enum SystemStatus {
  /** Approved or proposed, not yet being built or acquired. */
  PLANNED(EnumSet.of(LifecycleStage.INCEPTION)),
  /** Being built, acquired or configured. */
  IN_DEVELOPMENT(
      EnumSet.of(
          LifecycleStage.INCEPTION,
          LifecycleStage.DESIGN_AND_DEVELOPMENT,
          LifecycleStage.VERIFICATION_AND_VALIDATION,
          LifecycleStage.DEPLOYMENT)),
  /** In use. */
  IN_OPERATION(
      EnumSet.of(
          LifecycleStage.DEPLOYMENT,
          LifecycleStage.OPERATION_AND_MONITORING,
          LifecycleStage.CONTINUOUS_VALIDATION,
          LifecycleStage.RE_EVALUATION,
          LifecycleStage.RETIREMENT)),
  /** Temporarily withdrawn from use. */
  SUSPENDED(
      EnumSet.of(
          LifecycleStage.OPERATION_AND_MONITORING,
          LifecycleStage.CONTINUOUS_VALIDATION,
          LifecycleStage.RE_EVALUATION,
          LifecycleStage.RETIREMENT)),
  /** Permanently withdrawn from use. */
  RETIRED(EnumSet.of(LifecycleStage.RETIREMENT));

  private final Set<LifecycleStage> stages;

  SystemStatus(EnumSet<LifecycleStage> stages) {
    this.stages = stages;
  }

  /** Returns whether a system with this status can be at {@code stage}. */
  public boolean admits(LifecycleStage stage) {
    return stages.contains(stage);
  }

  /** Returns the life-cycle stages a system with this status can be at, in life-cycle order. */
  public Set<LifecycleStage> stages() {
    return Collections.unmodifiableSet(EnumSet.copyOf(stages));
  }
}
