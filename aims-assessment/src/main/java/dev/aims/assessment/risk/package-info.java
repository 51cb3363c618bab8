/**
 * AI risk assessment and treatment over the risk register (Clauses 6.1.1 to 6.1.3, 8.2, 8.3).
 *
 * <p>{@link dev.aims.assessment.risk.RiskMatrix} is the one scoring kernel of the SDK: every risk
 * level anywhere (register checks, summaries, heat maps, reports, the command line) comes from its
 * {@code level(likelihood, severity)}. {@link dev.aims.assessment.risk.RiskRegisterCheck} checks a
 * register against the matrix and the organisation's criteria on a given day, and {@link
 * dev.aims.assessment.risk.RiskRegisterSummary} counts risks per level and per matrix cell. All of
 * it is pure: no I/O, no clock (today is an argument), no logging.
 */
package dev.aims.assessment.risk;
