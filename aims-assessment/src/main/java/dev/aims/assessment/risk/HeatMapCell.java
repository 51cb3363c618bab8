package dev.aims.assessment.risk;

import dev.aims.core.risk.RiskLevel;

/**
 * One cell of a {@link HeatMap}: a likelihood and severity pair, its level from the {@link
 * RiskMatrix}, and how many risks sit in it.
 *
 * @param likelihood the likelihood level, from 1
 * @param severity the severity level, from 1
 * @param level the cell's level, from the matrix
 * @param count how many risks are rated at this cell
 */
public record HeatMapCell(int likelihood, int severity, RiskLevel level, int count) {}
