package dev.aims.assessment.soa;

/** Why a control is proposed as applicable (Clause 6.1.3: the reasons behind each inclusion). */
public enum ApplicabilityBasis {
  /**
   * The control bears on AI providers and AI users alike, so every AI management system needs it.
   */
  EVERY_AIMS,
  /** The organisation is an AI provider or producer of at least one system (Clause 4.1). */
  AI_PROVIDER,
  /** The organisation is an AI user (customer) of at least one system (Clause 4.1). */
  AI_USER,
  /** At least one system depends on third-party suppliers (A.10.3). */
  THIRD_PARTY_SUPPLIERS,
  /** A risk in the register chose the control as treatment (Clause 6.1.3). */
  RISK_TREATMENT
}
