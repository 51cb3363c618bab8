package dev.aims.core.system;

/** The area of life an AI system's outputs bear on; an input of the impact assessment (A.5.2). */
public enum ImpactDomain {
  /** Hiring, work management, promotion, dismissal. */
  EMPLOYMENT,
  /** Diagnosis, treatment, care. */
  HEALTHCARE,
  /** Credit, insurance, payments, investment. */
  FINANCIAL_SERVICES,
  /** Policing, investigation, justice. */
  LAW_ENFORCEMENT,
  /** Admission, teaching, assessment of learners. */
  EDUCATION,
  /** Critical infrastructure, emergency services, physical safety. */
  PUBLIC_SAFETY,
  /** Any other domain. */
  OTHER
}
