/**
 * Evidence coverage: what a verified evidence log shows for each Annex A control and AI system, as
 * plain values that the Statement of Applicability, the gap analysis and the readiness checklists
 * take as an argument.
 *
 * <p>This package computes nothing from a log (the assessment functions never read one): {@code
 * aims-audit} scans a log and builds an {@link dev.aims.assessment.coverage.EvidenceCoverage};
 * anyone else may build one by hand, e.g. from their own log index. {@link
 * dev.aims.assessment.coverage.EvidenceCoverage#none()} stands for "no log was given", which is
 * different from a log in which a control has no records.
 */
package dev.aims.assessment.coverage;
