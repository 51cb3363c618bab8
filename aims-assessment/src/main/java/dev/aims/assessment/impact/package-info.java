/**
 * AI system impact assessment (Clauses 6.1.4, 8.4; A.5.2 to A.5.5): {@link
 * dev.aims.assessment.impact.ImpactClassifier} classifies an {@code ImpactAssessment} as low,
 * medium or high against a level table (magnitude, reversibility, people affected), with the {@link
 * dev.aims.assessment.impact.ImpactRule rules} that fired and the {@link
 * dev.aims.assessment.impact.ControlImplication control implications} of the level, explains it
 * factor by factor ({@link dev.aims.assessment.impact.ImpactExplanation}), and says when the
 * assessment is due again.
 *
 * <p>A case that fits one row of the table lands on that row unless a named rule lifts it, and the
 * explanation names the rule. The classification is deterministic and monotone: making any input
 * worse never lowers the level. Pure: no I/O, no clock (today is an argument), no logging.
 */
package dev.aims.assessment.impact;
