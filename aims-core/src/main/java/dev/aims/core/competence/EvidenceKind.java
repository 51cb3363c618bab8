package dev.aims.core.competence;

/** What a piece of competence evidence is (Clause 7.2). */
public enum EvidenceKind {
  /** A degree or other formal education. */
  EDUCATION,
  /** A course or other training. */
  TRAINING,
  /** Work experience. */
  EXPERIENCE,
  /** A professional certification. */
  CERTIFICATION,
  /** A skills assessment by the organisation. */
  ASSESSMENT
}
