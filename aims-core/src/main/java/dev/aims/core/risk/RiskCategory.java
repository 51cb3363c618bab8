package dev.aims.core.risk;

/** What part of an AI system or its surroundings a risk arises from (Clause 6.1.2). */
public enum RiskCategory {
  /** The model: its accuracy, robustness, bias, explainability. */
  MODEL,
  /** The data: quality, representativeness, provenance, privacy (A.7). */
  DATA,
  /** Running the system: monitoring, human oversight, misuse, outages (A.6.2.6, A.9). */
  OPERATIONAL,
  /** Third parties: supplied models, data, services (A.10). */
  SUPPLY_CHAIN,
  /** Effects on groups and on society beyond the system's users (A.5.5). */
  SOCIETAL
}
