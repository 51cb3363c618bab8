/**
 * AI system impact assessments (Clauses 6.1.4, 8.4; A.5.2 to A.5.5): {@link
 * dev.aims.core.impact.ImpactAssessment} records what a system is for, whom it reaches, how badly
 * and how lastingly it could affect them, how people oversee it, and the impacts on individuals,
 * groups and society, with the optional EU AI Act Article 27 fundamental-rights fields.
 *
 * <p>These are values only; {@code dev.aims.assessment.impact.ImpactClassifier} turns an assessment
 * into an {@link dev.aims.core.impact.ImpactLevel} with its reasons and control implications.
 */
package dev.aims.core.impact;
