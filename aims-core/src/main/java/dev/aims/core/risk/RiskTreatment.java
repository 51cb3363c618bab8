package dev.aims.core.risk;

/** The option chosen to treat a risk (Clause 6.1.3, 8.3). */
public enum RiskTreatment {
  /** Change the AI system or its use, usually by applying controls, to lower the risk. */
  MODIFY_SYSTEM,
  /** Keep the risk as it is, watched, under an acceptance by someone with the authority. */
  ACCEPT_WITH_MONITORING,
  /** Stop the activity that gives rise to the risk. */
  AVOID,
  /** Share the risk with another party, for example by contract or insurance. */
  TRANSFER
}
