package dev.aims.assessment.impact;

import dev.aims.core.impact.DescribedImpact;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.system.ImpactDomain;
import dev.aims.core.system.OutputType;
import java.util.List;

/**
 * The inputs of the classification as ranks, worst highest, packed into one {@code int} so that
 * classifying allocates nothing.
 *
 * <p>Enumerations ordered mildest first (population scale, vulnerability, severity, reversibility,
 * human oversight) rank by their order. Impact domain and output type have no such order, so they
 * rank by what they put at stake: see {@link #domainRank} and {@link #directness}. Each adverse
 * impact sphere (individuals, groups, society) is one bit.
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

  /** The highest combined score: 2 + 2 + 3 + 2 + 4 + 2 + 3 + 3. */
  static final int MAX_SCORE = 21;

  private ImpactFactors() {}

  /**
   * Ranks the domain: 0 for other domains; 1 where outputs govern access to work, education or
   * financial services; 2 where they bear on health, liberty or physical safety.
   */
  static int domainRank(ImpactDomain domain) {
    return switch (domain) {
      case OTHER -> 0;
      case EMPLOYMENT, EDUCATION, FINANCIAL_SERVICES -> 1;
      case HEALTHCARE, LAW_ENFORCEMENT, PUBLIC_SAFETY -> 2;
    };
  }

  /**
   * Ranks how directly outputs act on people: 0 for generated content and recommendations, which a
   * person takes up or not; 1 for decision support, classification and prediction, which inform a
   * decision about a person; 2 for autonomous decisions.
   */
  static int directness(OutputType output) {
    return switch (output) {
      case CONTENT_GENERATION, RECOMMENDATION -> 0;
      case DECISION_SUPPORT, CLASSIFICATION, PREDICTION -> 1;
      case AUTONOMOUS_DECISION -> 2;
    };
  }

  static int of(ImpactAssessment a) {
    return pack(
        domainRank(a.impactDomain()),
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

  /** Returns the combined score: the sum of every rank plus one per adverse impact sphere. */
  static int score(int f) {
    return domain(f)
        + directness(f)
        + scale(f)
        + vulnerability(f)
        + severity(f)
        + reversibility(f)
        + oversight(f)
        + (individuals(f) ? 1 : 0)
        + (groups(f) ? 1 : 0)
        + (society(f) ? 1 : 0);
  }
}
