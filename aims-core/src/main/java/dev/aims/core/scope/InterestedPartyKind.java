package dev.aims.core.scope;

/** What kind of interested party the AIMS must consider (Clause 4.2). */
public enum InterestedPartyKind {
  /** Customers and users of the organisation's AI systems. */
  CUSTOMER,
  /** People affected by AI systems' outputs, or whose data they use. */
  AFFECTED_PERSON,
  /** Staff who build, run or rely on AI systems. */
  EMPLOYEE,
  /** Regulators and supervisory authorities. */
  REGULATOR,
  /** Suppliers of models, data or AI services. */
  SUPPLIER,
  /** Partners, integrators, auditors. */
  PARTNER,
  /** Owners, investors, the governing body. */
  OWNER,
  /** Society at large, civil society organisations. */
  SOCIETY,
  /** Any other party. */
  OTHER
}
