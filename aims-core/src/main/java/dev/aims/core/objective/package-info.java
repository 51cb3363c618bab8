/**
 * AI objectives and the plans to achieve them (Clause 6.2; A.6.1.2 and A.9.3 for objectives of
 * responsible development and use).
 *
 * <p>{@link dev.aims.core.objective.AiObjective#isMeasurable()} tells whether an objective has the
 * metric, target and due date that make it measurable, a gap auditors look for.
 */
package dev.aims.core.objective;
