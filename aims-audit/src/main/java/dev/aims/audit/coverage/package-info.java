/**
 * Evidence coverage from an evidence log: {@link dev.aims.audit.coverage.CoverageScanner} verifies
 * a log (or the log of an audit pack) with its verifier keys and counts, for each Annex A control
 * and AI system, the records that its latest signed checkpoint covers, as the {@link
 * dev.aims.assessment.coverage.EvidenceCoverage} that the Statement of Applicability, the gap
 * analysis and the readiness checklists take.
 *
 * <p>A log that does not verify is refused with its problems ({@link
 * dev.aims.audit.coverage.CoverageException}); it is never counted in part.
 */
package dev.aims.audit.coverage;
