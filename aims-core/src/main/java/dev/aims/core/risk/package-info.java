/**
 * The AI risk register (Clauses 6.1.1 to 6.1.3, 8.2, 8.3): {@link dev.aims.core.risk.RiskEntry}
 * with its inherent and residual {@link dev.aims.core.risk.RiskRating}, treatment, chosen Annex A
 * controls and {@link dev.aims.core.risk.RiskAcceptance}, the organisation's {@link
 * dev.aims.core.risk.RiskCriteria}, and its own risk matrix as data, {@link
 * dev.aims.core.risk.RiskMatrixDefinition} with its {@link dev.aims.core.risk.ScoreBand}s.
 *
 * <p>These are values only. Scoring a rating to a {@link dev.aims.core.risk.RiskLevel} is the job
 * of one kernel, {@code dev.aims.assessment.risk.RiskMatrix}; checks across the register live in
 * {@code dev.aims.assessment.risk}.
 */
package dev.aims.core.risk;
