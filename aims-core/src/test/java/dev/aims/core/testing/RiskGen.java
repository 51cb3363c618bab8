package dev.aims.core.testing;

import static dev.aims.core.testing.CommonGen.bool;
import static dev.aims.core.testing.CommonGen.controlIds;
import static dev.aims.core.testing.CommonGen.date;
import static dev.aims.core.testing.CommonGen.enumValue;
import static dev.aims.core.testing.CommonGen.listOf;
import static dev.aims.core.testing.CommonGen.onOrAfter;
import static dev.aims.core.testing.CommonGen.oneOf;
import static dev.aims.core.testing.CommonGen.optional;
import static dev.aims.core.testing.CommonGen.pick;
import static dev.aims.core.testing.CommonGen.recordId;
import static dev.aims.core.testing.CommonGen.slug;
import static dev.aims.core.testing.CommonGen.text;

import dev.aims.core.catalog.Catalog;
import dev.aims.core.catalog.RiskSource;
import dev.aims.core.risk.RiskAcceptance;
import dev.aims.core.risk.RiskCategory;
import dev.aims.core.risk.RiskCriteria;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.risk.RiskLevel;
import dev.aims.core.risk.RiskMatrixDefinition;
import dev.aims.core.risk.RiskRating;
import dev.aims.core.risk.RiskTreatment;
import dev.aims.core.risk.ScoreBand;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.quicktheories.core.Gen;

/** QuickTheories generators of valid {@code dev.aims.core.risk} values. */
public final class RiskGen {
  private RiskGen() {}

  /** Returns ratings with both levels between 1 and {@link RiskRating#MAX_LEVEL}. */
  public static Gen<RiskRating> ratings() {
    return in ->
        RiskRating.of(1 + pick(in, RiskRating.MAX_LEVEL), 1 + pick(in, RiskRating.MAX_LEVEL));
  }

  /** Returns valid acceptances: expiry on or after the day of acceptance, some with an approver. */
  public static Gen<RiskAcceptance> acceptances() {
    return in -> {
      LocalDate accepted = date().generate(in);
      return RiskAcceptance.builder()
          .acceptedBy(text().generate(in))
          .approver(optional(text()).generate(in))
          .acceptedOn(accepted)
          .expiresOn(onOrAfter(accepted, 800).generate(in))
          .rating(ratings().generate(in))
          .build();
    };
  }

  /** Returns valid risk criteria, some naming who may approve risks above them. */
  public static Gen<RiskCriteria> criteria() {
    return in ->
        RiskCriteria.builder()
            .maxAcceptableLevel(enumValue(RiskLevel.class).generate(in))
            .acceptanceAuthorities(listOf(text(), 3).generate(in))
            .build();
  }

  /** Same as {@link #riskEntries()}. */
  public static Gen<RiskEntry> entries() {
    return riskEntries();
  }

  /**
   * Returns valid risk entries: an Annex C risk source, distinct Annex A controls, and a
   * justification whenever the residual rating exceeds the inherent one.
   */
  public static Gen<RiskEntry> riskEntries() {
    String[] sources =
        Catalog.standard().riskSources().stream().map(RiskSource::id).toArray(String[]::new);
    return in -> {
      RiskRating inherent = ratings().generate(in);
      RiskRating residual = ratings().generate(in);
      Optional<String> justification =
          residual.exceedsOnEitherAxis(inherent)
              ? Optional.of(text().generate(in))
              : optional(text()).generate(in);
      return RiskEntry.builder()
          .id(recordId().generate(in))
          .systemId(slug().generate(in))
          .category(enumValue(RiskCategory.class).generate(in))
          .riskSource(oneOf(sources).generate(in))
          .description(text().generate(in))
          .inherent(inherent)
          .residual(residual)
          .justification(justification)
          .treatment(enumValue(RiskTreatment.class).generate(in))
          .controls(controlIds(4).generate(in))
          .owner(text().generate(in))
          .reviewDate(date().generate(in))
          .acceptance(optional(acceptances()).generate(in))
          .build();
    };
  }

  /**
   * Returns valid risk matrix definitions of every allowed size (3 to 7 levels a scale), about half
   * with score bands and half with a grid. Bands use a random rising subset of the levels, cut at
   * random scores; a grid's cell is the larger of the cells below and to its left, raised by one
   * level or not, so that it never falls.
   */
  public static Gen<RiskMatrixDefinition> matrixDefinitions() {
    return in -> {
      int likelihoods = scaleSize(in);
      int severities = scaleSize(in);
      RiskMatrixDefinition.Builder b =
          RiskMatrixDefinition.builder()
              .likelihoodScale(scaleNames(likelihoods).generate(in))
              .severityScale(scaleNames(severities).generate(in));
      if (bool().generate(in)) {
        b.bands(bands(likelihoods * severities).generate(in));
      } else {
        b.grid(grid(likelihoods, severities).generate(in));
      }
      return b.build();
    };
  }

  private static int scaleSize(org.quicktheories.core.RandomnessSource in) {
    int sizes = RiskMatrixDefinition.MAX_SCALE - RiskMatrixDefinition.MIN_SCALE + 1;
    return RiskMatrixDefinition.MIN_SCALE + pick(in, sizes);
  }

  // The level's number ends each name, so names are distinct whatever text comes before it.
  private static Gen<List<String>> scaleNames(int size) {
    return in -> {
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= size; i++) {
        names.add(text().generate(in) + " " + i);
      }
      return names;
    };
  }

  /** Returns bands covering scores 1 to {@code maxScore}, lowest first, with rising levels. */
  public static Gen<List<ScoreBand>> bands(int maxScore) {
    return in -> {
      List<RiskLevel> levels = new ArrayList<>();
      for (RiskLevel level : RiskLevel.values()) {
        if (bool().generate(in)) {
          levels.add(level);
        }
      }
      if (levels.isEmpty()) {
        levels.add(enumValue(RiskLevel.class).generate(in));
      }
      TreeSet<Integer> cuts = new TreeSet<>();
      for (int i = 1; i < levels.size(); i++) {
        cuts.add(1 + pick(in, maxScore - 1));
      }
      List<ScoreBand> bands = new ArrayList<>();
      int start = 1;
      int i = 0;
      for (int cut : cuts) {
        bands.add(ScoreBand.of(levels.get(i++), start, cut));
        start = cut + 1;
      }
      bands.add(ScoreBand.of(levels.get(i), start, maxScore));
      return bands;
    };
  }

  /** Returns grids of {@code rows} by {@code columns} levels that never fall along an axis. */
  public static Gen<List<List<RiskLevel>>> grid(int rows, int columns) {
    RiskLevel[] levels = RiskLevel.values();
    return in -> {
      int[][] ordinals = new int[rows][columns];
      List<List<RiskLevel>> grid = new ArrayList<>();
      for (int l = 0; l < rows; l++) {
        List<RiskLevel> row = new ArrayList<>();
        for (int s = 0; s < columns; s++) {
          int below = l > 0 ? ordinals[l - 1][s] : 0;
          int left = s > 0 ? ordinals[l][s - 1] : 0;
          ordinals[l][s] = Math.min(levels.length - 1, Math.max(below, left) + pick(in, 2));
          row.add(levels[ordinals[l][s]]);
        }
        grid.add(row);
      }
      return grid;
    };
  }
}
