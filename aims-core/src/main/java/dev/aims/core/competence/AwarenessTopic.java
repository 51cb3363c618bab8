package dev.aims.core.competence;

import java.util.EnumSet;
import java.util.Set;

/** What an awareness activity covered (Clause 7.3, and topics the AI controls add). */
public enum AwarenessTopic {
  /** The AI policy (Clause 7.3). */
  AI_POLICY,
  /** The person's contribution to the AIMS's effectiveness and the benefits of improving it. */
  CONTRIBUTION_TO_EFFECTIVENESS,
  /** What follows from not conforming to the AIMS's requirements. */
  CONSEQUENCES_OF_NONCONFORMITY,
  /** The risks and impacts of the organisation's AI systems. */
  AI_RISKS_AND_IMPACTS,
  /** Responsible and intended use of AI systems (A.9). */
  RESPONSIBLE_USE,
  /** How to report concerns and incidents (A.3.3, A.8.4). */
  REPORTING_CONCERNS_AND_INCIDENTS;

  /** Returns the three topics Clause 7.3 requires. */
  public static Set<AwarenessTopic> required() {
    return Set.copyOf(
        EnumSet.of(AI_POLICY, CONTRIBUTION_TO_EFFECTIVENESS, CONSEQUENCES_OF_NONCONFORMITY));
  }
}
