package dev.aims.core.risk;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The organisation's own risk matrix as data (Clause 6.1.1 risk criteria, 6.1.2 risk analysis): a
 * likelihood scale and a severity scale of {@value #MIN_SCALE} to {@value #MAX_SCALE} named levels
 * each, and the {@link RiskLevel} of every cell, given either by {@linkplain #bands() score bands}
 * over likelihood times severity or by an {@linkplain #grid() explicit grid}.
 *
 * <p>It is kept in the organisation record ({@code Organisation.riskMatrix()}, the {@code
 * riskMatrix} field of {@code organisation.json}); without one the default 5 by 5 matrix applies.
 * It holds exactly what {@code dev.aims.assessment.risk.RiskMatrix}'s builder accepts, so that the
 * matrix stays the SDK's one scoring kernel and this type only describes it. {@code build()} checks
 * the same rules as the matrix, so that a bad definition is rejected when the record is read, not
 * when a risk is scored: each scale has 3 to 7 distinct, non-blank names; exactly one of bands and
 * grid is given; bands are listed lowest first, cover every score from 1 to likelihood levels times
 * severity levels without gaps or overlaps, with levels rising; a grid has one row per likelihood
 * level and one cell per severity level, and its level never falls as likelihood or severity rises.
 * Each rejection names the field and the value. Immutable and thread-safe.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableRiskMatrixDefinition.class)
@JsonDeserialize(builder = RiskMatrixDefinition.Builder.class)
public abstract class RiskMatrixDefinition {
  /** The fewest levels a likelihood or severity scale may have. */
  public static final int MIN_SCALE = 3;

  /** The most levels a likelihood or severity scale may have, {@link RiskRating#MAX_LEVEL}. */
  public static final int MAX_SCALE = RiskRating.MAX_LEVEL;

  RiskMatrixDefinition() {}

  /** Returns the names of the likelihood levels, lowest first: level 1 is the first. */
  public abstract List<String> likelihoodScale();

  /** Returns the names of the severity levels, lowest first: level 1 is the first. */
  public abstract List<String> severityScale();

  /**
   * Returns the score bands, lowest first; empty when the levels come from {@link #grid()}. Left
   * out of the JSON when empty, so that a file names only the form it uses.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<ScoreBand> bands();

  /**
   * Returns the level of every cell, one row per likelihood level (lowest first), each with one
   * level per severity level (lowest first): {@code grid().get(l - 1).get(s - 1)} is the level at
   * likelihood {@code l} and severity {@code s}. Empty when the levels come from {@link #bands()};
   * left out of the JSON then.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<List<RiskLevel>> grid();

  /** Returns whether the levels come from score bands ({@code false}: from the grid). */
  @JsonIgnore
  public boolean isBandBased() {
    return !bands().isEmpty();
  }

  // Checks every rule and, because Immutables copies the outer list only, returns a copy whose grid
  // rows are unmodifiable too (a caller's or Jackson's ArrayList would otherwise leak in).
  @Value.Check
  final RiskMatrixDefinition check() {
    checkScale("likelihoodScale", likelihoodScale());
    checkScale("severityScale", severityScale());
    if (!bands().isEmpty() && !grid().isEmpty()) {
      throw invalid("bands", bands().toString(), "give either score bands or a grid, not both");
    }
    if (bands().isEmpty() && grid().isEmpty()) {
      throw invalid("bands", "[]", "give either score bands or a grid of levels");
    }
    if (!bands().isEmpty()) {
      checkBands(likelihoodScale().size() * severityScale().size());
      return this;
    }
    checkGrid(likelihoodScale().size(), severityScale().size());
    List<List<RiskLevel>> rows = new ArrayList<>(grid().size());
    boolean copied = false;
    for (List<RiskLevel> row : grid()) {
      List<RiskLevel> copy = List.copyOf(row);
      // List.copyOf returns an unmodifiable list itself; any other list is a fresh copy.
      copied |= copy != row;
      rows.add(copy);
    }
    return copied ? builder().from(this).grid(rows).build() : this;
  }

  private static void checkScale(String field, List<String> names) {
    if (names.size() < MIN_SCALE || names.size() > MAX_SCALE) {
      throw invalid(
          field,
          names.toString(),
          "has "
              + names.size()
              + " levels; a scale needs "
              + MIN_SCALE
              + " to "
              + MAX_SCALE
              + " levels");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name.isBlank()) {
        throw invalid(field + "[" + i + "]", "'" + name + "'", "a level needs a name");
      }
      if (!seen.add(name.trim())) {
        throw invalid(field + "[" + i + "]", "'" + name + "'", "names a level twice");
      }
    }
  }

  private void checkBands(int maxScore) {
    List<ScoreBand> bands = bands();
    if (bands.get(0).minScore() != 1) {
      throw invalid("bands[0]", bands.get(0).toString(), "the first band must start at score 1");
    }
    for (int i = 1; i < bands.size(); i++) {
      ScoreBand prev = bands.get(i - 1);
      ScoreBand next = bands.get(i);
      if (next.minScore() != prev.maxScore() + 1) {
        throw invalid(
            "bands[" + i + "]",
            next.toString(),
            "must start at score "
                + (prev.maxScore() + 1)
                + ", just after bands["
                + (i - 1)
                + "] "
                + prev
                + " (bands are listed lowest first, without gaps or overlaps)");
      }
      if (!next.level().isAbove(prev.level())) {
        throw invalid(
            "bands[" + i + "]",
            next.toString(),
            "its level must be above that of bands[" + (i - 1) + "] " + prev);
      }
    }
    ScoreBand last = bands.get(bands.size() - 1);
    if (last.maxScore() != maxScore) {
      throw invalid(
          "bands[" + (bands.size() - 1) + "]",
          last.toString(),
          "the last band must end at the largest score "
              + maxScore
              + " (likelihood levels times severity levels)");
    }
  }

  private void checkGrid(int rows, int columns) {
    List<List<RiskLevel>> grid = grid();
    if (grid.size() != rows) {
      throw invalid(
          "grid", grid.size() + " rows", "needs one row per likelihood level: " + rows + " rows");
    }
    for (int l = 0; l < rows; l++) {
      List<RiskLevel> row = grid.get(l);
      if (row.size() != columns) {
        throw invalid(
            "grid[" + l + "]",
            row.toString(),
            "has " + row.size() + " cells; needs one per severity level: " + columns);
      }
      for (int s = 0; s < columns; s++) {
        RiskLevel cell = row.get(s);
        if (cell == null) {
          throw invalid("grid[" + l + "][" + s + "]", "null", "every cell needs a level");
        }
        if (l > 0 && grid.get(l - 1).get(s).isAbove(cell)) {
          throw invalid(
              "grid[" + l + "][" + s + "]",
              cell.toString(),
              "is below grid["
                  + (l - 1)
                  + "]["
                  + s
                  + "] "
                  + grid.get(l - 1).get(s)
                  + "; a level must not fall as likelihood rises");
        }
        if (s > 0 && row.get(s - 1).isAbove(cell)) {
          throw invalid(
              "grid[" + l + "][" + s + "]",
              cell.toString(),
              "is below grid["
                  + l
                  + "]["
                  + (s - 1)
                  + "] "
                  + row.get(s - 1)
                  + "; a level must not fall as severity rises");
        }
      }
    }
  }

  private static IllegalArgumentException invalid(String field, String value, String problem) {
    return new IllegalArgumentException(
        "RiskMatrixDefinition " + field + " " + value + ": " + problem);
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link RiskMatrixDefinition}; {@code build()} rejects a definition the risk matrix
   * would reject, naming the field and the value.
   */
  public static final class Builder extends ImmutableRiskMatrixDefinition.Builder {}
}
