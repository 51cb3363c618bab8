/**
 * Certification readiness: the Stage 1 checklist (the documented AI management system) and the
 * Stage 2 checklist (evidence that it runs), each item with a red, amber or green status derived
 * from the records and the red items listed as blocking; and the certification cycle that follows a
 * certificate.
 *
 * <p>Start at {@link dev.aims.assessment.readiness.ReadinessAssessor#assess}. The items are defined
 * in {@link dev.aims.assessment.readiness.ReadinessItem} and judged by the same evidence checks as
 * the gap analysis. Pure: dates are arguments.
 */
package dev.aims.assessment.readiness;
