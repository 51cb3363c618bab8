/**
 * Gap analysis over Clauses 4 to 10 and Annex A: for each of the 32 leaf clauses and 38 controls, a
 * red, amber or green status derived from the records present, the evidence needed, and what is
 * missing or to be done.
 *
 * <p>{@link dev.aims.assessment.gap.GapAnalyzer#analyse} is the entry point. Its verdicts are built
 * from {@link dev.aims.assessment.gap.EvidenceCheck}s, named checks of what the records show (the
 * readiness checklists use the same checks). The statuses mean: red, a required kind of record is
 * absent altogether; amber, records exist but are incomplete, stale or contradict each other;
 * green, nothing is missing. Because red depends only on the absence of a kind of record, adding a
 * record never turns a green item red. Pure: the day of the analysis is an argument.
 */
package dev.aims.assessment.gap;
