package dev.aims.assessment.risk;

import dev.aims.core.risk.RiskEntry;
import dev.aims.core.risk.RiskLevel;
import dev.aims.core.risk.RiskRating;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A summary of a risk register on a {@link RiskMatrix} (Clauses 6.1.2, 8.2): how many risks sit at
 * each level and in each cell, before and after treatment. Reports and dashboards draw the heat map
 * from it; every level in it comes from the matrix. Entries whose rating lies outside the matrix
 * are left out of the counts and listed in {@link #outsideMatrix()}. Immutable and thread-safe.
 */
public final class RiskRegisterSummary {
  private final RiskMatrix matrix;
  private final int total;
  private final Map<RiskLevel, Integer> inherentCounts;
  private final Map<RiskLevel, Integer> residualCounts;
  private final HeatMap inherentHeatMap;
  private final HeatMap residualHeatMap;
  private final List<String> outsideMatrix;

  private RiskRegisterSummary(RiskMatrix matrix, Collection<RiskEntry> risks) {
    this.matrix = matrix;
    this.total = risks.size();
    List<String> outside = new ArrayList<>();
    List<RiskEntry> scorable = new ArrayList<>();
    for (RiskEntry r : risks) {
      if (matrix.fits(r.inherent()) && matrix.fits(r.residual())) {
        scorable.add(r);
      } else {
        outside.add(r.id());
      }
    }
    this.outsideMatrix = List.copyOf(outside);
    this.inherentCounts = counts(matrix, scorable, RiskEntry::inherent);
    this.residualCounts = counts(matrix, scorable, RiskEntry::residual);
    this.inherentHeatMap = HeatMap.of(matrix, scorable.stream().map(RiskEntry::inherent).toList());
    this.residualHeatMap = HeatMap.of(matrix, scorable.stream().map(RiskEntry::residual).toList());
  }

  /** Returns the summary of {@code risks} on {@code matrix}. */
  public static RiskRegisterSummary of(RiskMatrix matrix, Collection<RiskEntry> risks) {
    return new RiskRegisterSummary(
        Objects.requireNonNull(matrix, "matrix"), Objects.requireNonNull(risks, "risks"));
  }

  private static Map<RiskLevel, Integer> counts(
      RiskMatrix matrix, List<RiskEntry> risks, Function<RiskEntry, RiskRating> rating) {
    Map<RiskLevel, Integer> counts = new LinkedHashMap<>();
    for (RiskLevel level : matrix.levels()) {
      counts.put(level, 0);
    }
    for (RiskEntry r : risks) {
      counts.merge(matrix.level(rating.apply(r)), 1, Integer::sum);
    }
    return Collections.unmodifiableMap(counts);
  }

  /** Returns the matrix the summary was made on. */
  public RiskMatrix matrix() {
    return matrix;
  }

  /** Returns how many entries the register has, including those outside the matrix. */
  public int total() {
    return total;
  }

  /**
   * Returns the number of risks per inherent level, for every level of the matrix, lowest first.
   */
  public Map<RiskLevel, Integer> inherentCounts() {
    return inherentCounts;
  }

  /**
   * Returns the number of risks per residual level, for every level of the matrix, lowest first.
   */
  public Map<RiskLevel, Integer> residualCounts() {
    return residualCounts;
  }

  /** Returns the heat map of the inherent ratings. */
  public HeatMap inherentHeatMap() {
    return inherentHeatMap;
  }

  /** Returns the heat map of the residual ratings. */
  public HeatMap residualHeatMap() {
    return residualHeatMap;
  }

  /** Returns the ids of the entries left out because a rating lies outside the matrix. */
  public List<String> outsideMatrix() {
    return outsideMatrix;
  }
}
