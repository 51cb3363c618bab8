/**
 * AI system impact assessment (Clauses 6.1.4, 8.4; A.5.2 to A.5.5): {@link
 * dev.aims.assessment.impact.ImpactClassifier} classifies an {@code ImpactAssessment} as low,
 * medium or high, with the {@link dev.aims.assessment.impact.ImpactRule rules} that fired and the
 * {@link dev.aims.assessment.impact.ControlImplication control implications} of the level, and says
 * when the assessment is due again.
 *
 * <p>The classification is deterministic and monotone: making any input worse never lowers the
 * level. Pure: no I/O, no clock (today is an argument), no logging.
 */
package dev.aims.assessment.impact;
