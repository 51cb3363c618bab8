package dev.aims.assessment.impact;

import dev.aims.core.impact.DescribedImpact;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.impact.Severity;
import dev.aims.core.system.ImpactDomain;
import dev.aims.core.system.OutputType;
import dev.aims.core.system.Vulnerability;
import java.util.List;

/**
 * The inputs of the classification, packed into one {@code int} so that classifying allocates
 * nothing, and the three dimensions of the level table read from them.
 *
 * <p>The level table has three dimensions, each worded for every row: how much the impact is
 * (limited, moderate, significant: {@link #magnitudeRow}), how far it can be undone (easily,
 * partially, hard to reverse: {@link #reversibilityRow}) and whom it reaches (non-vulnerable
 * people, some vulnerable people, vulnerable people or society: {@link #peopleRow}). Each dimension
 * gives a row, 0 (Low) to 2 (High); the combined score weighs them {@value #MAGNITUDE_WEIGHT},
 * {@value #REVERSIBILITY_WEIGHT} and {@value #PEOPLE_WEIGHT}. Impact domain, output type, human
 * oversight and population scale are context: only the named rules read them.
 */
final class ImpactFactors {
  static final int DOMAIN = 0;
  static final int DIRECTNESS = 2;
  static final int SCALE = 4;
  static final int VULNERABILITY = 6;
  static final int SEVERITY = 8;
  static final int REVERSIBILITY = 11;
  static final int OVERSIGHT = 13;
  static final int INDIVIDUALS = 15;
  static final int GROUPS = 16;
  static final int SOCIETY = 17;

  /** The weight of the magnitude (severity) in the combined score: the rows are degrees of it. */
  static final int MAGNITUDE_WEIGHT = 2;

  /** The weight of reversibility in the combined score. */
  static final int REVERSIBILITY_WEIGHT = 1;

  /** The weight of the people affected in the combined score. */
  static final int PEOPLE_WEIGHT = 1;

  /** The highest combined score: every dimension on the High row, 2 × (2 + 1 + 1). */
  static final int MAX_SCORE = 2 * (MAGNITUDE_WEIGHT + REVERSIBILITY_WEIGHT + PEOPLE_WEIGHT);

  /** Domain code of an area not named below. */
  static final int OTHER_AREA = 0;

  /** Domain code of an area the EU AI Act lists as high-risk in Annex III. */
  static final int ANNEX_III_AREA = 1;

  /** Domain code of health care, where AI in medical devices is high-risk under Annex I. */
  static final int HEALTH_AREA = 2;

  private ImpactFactors() {}

  /**
   * Codes the domain: {@link #ANNEX_III_AREA} for employment, education, financial services (taken
   * as Annex III point 5: creditworthiness, insurance pricing), law enforcement and public safety
   * (critical infrastructure); {@link #HEALTH_AREA} for health care; {@link #OTHER_AREA} else.
   */
  static int domainCode(ImpactDomain domain) {
    return switch (domain) {
      case OTHER -> OTHER_AREA;
      case EMPLOYMENT, EDUCATION, FINANCIAL_SERVICES, LAW_ENFORCEMENT, PUBLIC_SAFETY ->
          ANNEX_III_AREA;
      case HEALTHCARE -> HEALTH_AREA;
    };
  }

  /**
   * Ranks who decides on an output: 0 for generated content, which informs no decision; 1 when a
   * person decides on the output (decision support, recommendation, classification, prediction),
   * whatever the label; 2 when the system decides (autonomous decision).
   */
  static int directness(OutputType output) {
    return switch (output) {
      case CONTENT_GENERATION -> 0;
      case DECISION_SUPPORT, RECOMMENDATION, CLASSIFICATION, PREDICTION -> 1;
      case AUTONOMOUS_DECISION -> 2;
    };
  }

  static int of(ImpactAssessment a) {
    return pack(
        domainCode(a.impactDomain()),
        directness(a.outputType()),
        a.affectedPopulation().scale().ordinal(),
        a.affectedPopulation().vulnerability().ordinal(),
        a.severity().ordinal(),
        a.reversibility().ordinal(),
        a.humanOversight().ordinal(),
        anyAdverse(a.impactsOnIndividuals()),
        anyAdverse(a.impactsOnGroups()),
        anyAdverse(a.impactsOnSociety()));
  }

  static int pack(
      int domain,
      int directness,
      int scale,
      int vulnerability,
      int severity,
      int reversibility,
      int oversight,
      boolean individuals,
      boolean groups,
      boolean society) {
    return domain << DOMAIN
        | directness << DIRECTNESS
        | scale << SCALE
        | vulnerability << VULNERABILITY
        | severity << SEVERITY
        | reversibility << REVERSIBILITY
        | oversight << OVERSIGHT
        | (individuals ? 1 << INDIVIDUALS : 0)
        | (groups ? 1 << GROUPS : 0)
        | (society ? 1 << SOCIETY : 0);
  }

  // An index loop: no iterator on the classification path.
  private static boolean anyAdverse(List<DescribedImpact> impacts) {
    for (int i = 0; i < impacts.size(); i++) {
      if (impacts.get(i).isAdverse()) {
        return true;
      }
    }
    return false;
  }

  static int domain(int f) {
    return f >>> DOMAIN & 3;
  }

  static int directness(int f) {
    return f >>> DIRECTNESS & 3;
  }

  static int scale(int f) {
    return f >>> SCALE & 3;
  }

  static int vulnerability(int f) {
    return f >>> VULNERABILITY & 3;
  }

  static int severity(int f) {
    return f >>> SEVERITY & 7;
  }

  static int reversibility(int f) {
    return f >>> REVERSIBILITY & 3;
  }

  static int oversight(int f) {
    return f >>> OVERSIGHT & 3;
  }

  static boolean individuals(int f) {
    return (f & 1 << INDIVIDUALS) != 0;
  }

  static boolean groups(int f) {
    return (f & 1 << GROUPS) != 0;
  }

  static boolean society(int f) {
    return (f & 1 << SOCIETY) != 0;
  }

  /** Returns the row of the magnitude: limited (negligible, minor) 0, moderate 1, significant 2. */
  static int magnitudeRow(int f) {
    int severity = severity(f);
    if (severity >= Severity.MAJOR.ordinal()) {
      return 2;
    }
    return severity >= Severity.MODERATE.ordinal() ? 1 : 0;
  }

  /** Returns the row of reversibility: easily 0, with effort (partially) 1, irreversible 2. */
  static int reversibilityRow(int f) {
    return reversibility(f);
  }

  /**
   * Returns the row of the people affected: not vulnerable 0, possibly vulnerable 1, vulnerable or
   * an adverse impact on society recorded 2.
   */
  static int peopleRow(int f) {
    if (society(f) || vulnerability(f) >= Vulnerability.VULNERABLE.ordinal()) {
      return 2;
    }
    return vulnerability(f) >= Vulnerability.POTENTIALLY_VULNERABLE.ordinal() ? 1 : 0;
  }

  /**
   * Returns the combined score: each dimension's row times its weight, 0 to {@value #MAX_SCORE}.
   */
  static int score(int f) {
    return MAGNITUDE_WEIGHT * magnitudeRow(f)
        + REVERSIBILITY_WEIGHT * reversibilityRow(f)
        + PEOPLE_WEIGHT * peopleRow(f);
  }
}
