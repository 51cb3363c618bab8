/**
 * OSCAL 1.1.2 (NIST's Open Security Controls Assessment Language) for the AIMS records: the ISO/IEC
 * 42001 catalogue, the organisation's profile (from its Statement of Applicability), the system
 * security plan, the assessment plan and results (gap analysis, readiness, evidence coverage,
 * sampled records) and the plan of action and milestones (the remediation roadmap), as OSCAL JSON
 * that GRC tools import; and the way back, from an edited SSP to a Statement of Applicability.
 *
 * <p>Every document is deterministic: UUIDs are name-based ({@link dev.aims.oscal.OscalIds}) and
 * timestamps come from the records' as-of day, never the clock, so two exports of unchanged records
 * are byte-identical. The documents reference each other as OSCAL expects: the profile imports the
 * catalogue, the SSP imports the profile, the assessment plan imports the SSP, the results import
 * the plan, the POA&amp;M imports the SSP.
 */
package dev.aims.oscal;
