package dev.aims.assessment.impact;

import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.impact.ImpactLevel;
import dev.aims.core.impact.Reversibility;
import dev.aims.core.impact.Severity;
import dev.aims.core.system.Vulnerability;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Why an impact assessment has its level, factor by factor (Clause 6.1.4, A.5.2): what an auditor
 * reads to follow the classification from the record to the level.
 *
 * @param level the classification's level
 * @param dimensions the three dimensions of the level table: magnitude, reversibility, people
 * @param score the combined score, the sum of the dimensions' points
 * @param maxScore the highest combined score
 * @param tableLevel the row the combined score gives
 * @param fitsOneRow whether all three dimensions fit the words of one row
 * @param context the inputs only the named rules read, each in words
 * @param firedRules the rules that fired, in the order of {@link ImpactRule}
 * @param conclusion how the level follows from the row and the rules, in one sentence
 */
public record ImpactExplanation(
    ImpactLevel level,
    List<Dimension> dimensions,
    int score,
    int maxScore,
    ImpactLevel tableLevel,
    boolean fitsOneRow,
    List<String> context,
    List<ImpactRule> firedRules,
    String conclusion) {
  /** Copies the lists; every component is required. */
  public ImpactExplanation {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(tableLevel, "tableLevel");
    Objects.requireNonNull(conclusion, "conclusion");
    dimensions = List.copyOf(dimensions);
    context = List.copyOf(context);
    firedRules = List.copyOf(firedRules);
  }

  /**
   * One dimension of the level table for one assessment.
   *
   * @param name the dimension, e.g. {@code Magnitude (severity)}
   * @param value the recorded value, e.g. {@code MAJOR}
   * @param words the table's words for it, e.g. {@code significant}
   * @param row the row those words belong to
   * @param weight the dimension's weight in the combined score
   * @param points the row (0 Low, 1 Medium, 2 High) times the weight
   */
  public record Dimension(
      String name, String value, String words, ImpactLevel row, int weight, int points) {
    /** Checks that every component is present. */
    public Dimension {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(words, "words");
      Objects.requireNonNull(row, "row");
    }
  }

  private static final ImpactLevel[] ROWS = ImpactLevel.values();

  static ImpactExplanation of(ImpactAssessment a, int f, ImpactClassification c) {
    int magnitude = ImpactFactors.magnitudeRow(f);
    int reversibility = ImpactFactors.reversibilityRow(f);
    int people = ImpactFactors.peopleRow(f);
    List<Dimension> dims =
        List.of(
            new Dimension(
                "Magnitude (severity)",
                a.severity().name(),
                magnitudeWords(a.severity()),
                ROWS[magnitude],
                ImpactFactors.MAGNITUDE_WEIGHT,
                magnitude * ImpactFactors.MAGNITUDE_WEIGHT),
            new Dimension(
                "Reversibility",
                a.reversibility().name(),
                reversibilityWords(a.reversibility()),
                ROWS[reversibility],
                ImpactFactors.REVERSIBILITY_WEIGHT,
                reversibility * ImpactFactors.REVERSIBILITY_WEIGHT),
            new Dimension(
                "People affected",
                a.affectedPopulation().vulnerability().name()
                    + (ImpactFactors.society(f) ? ", adverse impact on society recorded" : ""),
                peopleWords(a.affectedPopulation().vulnerability(), ImpactFactors.society(f)),
                ROWS[people],
                ImpactFactors.PEOPLE_WEIGHT,
                people * ImpactFactors.PEOPLE_WEIGHT));
    int score = ImpactFactors.score(f);
    ImpactLevel table = ImpactClassifier.tableLevel(score);
    boolean oneRow = magnitude == reversibility && reversibility == people;
    List<String> context = new ArrayList<>();
    context.add(
        "Impact domain "
            + a.impactDomain()
            + switch (ImpactFactors.domain(f)) {
              case ImpactFactors.ANNEX_III_AREA -> ": an EU AI Act Annex III area";
              case ImpactFactors.HEALTH_AREA -> ": health (EU AI Act Annex I, medical devices)";
              default -> ": no EU AI Act high-risk area";
            });
    context.add(
        "Output type "
            + a.outputType()
            + switch (ImpactFactors.directness(f)) {
              case 0 -> ": content, no decision";
              case 1 -> ": a person decides on the output";
              default -> ": the system decides";
            });
    context.add("Human oversight " + a.humanOversight());
    context.add("Population " + a.affectedPopulation().scale());
    return new ImpactExplanation(
        c.level(),
        dims,
        score,
        ImpactFactors.MAX_SCORE,
        table,
        oneRow,
        context,
        c.firedRules(),
        conclusion(c, table, oneRow));
  }

  private static String conclusion(ImpactClassification c, ImpactLevel table, boolean oneRow) {
    String row =
        oneRow
            ? "All three dimensions fit the " + words(table) + " row"
            : "The dimensions fit different rows; their weighted score gives the "
                + words(table)
                + " row";
    List<String> lifting = new ArrayList<>();
    for (ImpactRule r : c.firedRules()) {
      if (!r.isTableRow() && r.level() == c.level()) {
        lifting.add(r.id());
      }
    }
    if (c.level() == table) {
      return row
          + ", so the level is "
          + c.level()
          + (lifting.isEmpty()
              ? ""
              : " (" + String.join(" and ", lifting) + " would require it as well)")
          + ".";
    }
    return row
        + "; "
        + String.join(" and ", lifting)
        + (lifting.size() == 1 ? " raises" : " raise")
        + " it to "
        + c.level()
        + ".";
  }

  private static String words(ImpactLevel level) {
    String name = level.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static String magnitudeWords(Severity s) {
    return switch (s) {
      case NEGLIGIBLE, MINOR -> "limited";
      case MODERATE -> "moderate";
      case MAJOR, CRITICAL -> "significant";
    };
  }

  private static String reversibilityWords(Reversibility r) {
    return switch (r) {
      case REVERSIBLE -> "easily reversible";
      case REVERSIBLE_WITH_EFFORT -> "partially reversible";
      case IRREVERSIBLE -> "hard to reverse";
    };
  }

  private static String peopleWords(Vulnerability v, boolean society) {
    if (society) {
      return "society";
    }
    return switch (v) {
      case NOT_VULNERABLE -> "non-vulnerable people";
      case POTENTIALLY_VULNERABLE -> "some vulnerable people";
      case VULNERABLE -> "vulnerable people";
    };
  }
}
