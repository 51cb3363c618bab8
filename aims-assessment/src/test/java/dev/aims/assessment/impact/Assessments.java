package dev.aims.assessment.impact;

import dev.aims.core.impact.DescribedImpact;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.impact.Reversibility;
import dev.aims.core.impact.Severity;
import dev.aims.core.system.AffectedPopulation;
import dev.aims.core.system.HumanOversightMode;
import dev.aims.core.system.ImpactDomain;
import dev.aims.core.system.OutputType;
import dev.aims.core.system.PopulationScale;
import dev.aims.core.system.Vulnerability;
import java.time.LocalDate;
import java.time.Period;

/** Impact assessments for the tests of this package. */
final class Assessments {
  static final LocalDate ASSESSED = LocalDate.of(2026, 1, 15);

  private Assessments() {}

  /** The inputs the classifier reads, one field each. */
  record Inputs(
      OutputType output,
      ImpactDomain domain,
      PopulationScale scale,
      Vulnerability vulnerability,
      Severity severity,
      Reversibility reversibility,
      HumanOversightMode oversight,
      boolean individuals,
      boolean groups,
      boolean society) {

    /** Returns the same inputs with another output type. */
    Inputs withOutput(OutputType other) {
      return new Inputs(
          other,
          domain,
          scale,
          vulnerability,
          severity,
          reversibility,
          oversight,
          individuals,
          groups,
          society);
    }

    ImpactAssessment assessment() {
      ImpactAssessment.Builder b =
          ImpactAssessment.builder()
              .systemId("system-under-test")
              .assessedOn(ASSESSED)
              .assessor("Assessor")
              .intendedPurpose("Purpose")
              .outputType(output)
              .impactDomain(domain)
              .affectedPopulation(AffectedPopulation.of(scale, vulnerability, "People"))
              .severity(severity)
              .reversibility(reversibility)
              .humanOversight(oversight)
              .reassessmentInterval(Period.ofYears(1))
              // Beneficial impacts are recorded everywhere: they must not change the level.
              .addImpactsOnIndividuals(DescribedImpact.beneficial("Faster answers"))
              .addImpactsOnSociety(DescribedImpact.beneficial("Wider access"));
      if (individuals) {
        b.addImpactsOnIndividuals(DescribedImpact.adverse("Wrong outcome for a person"));
      }
      if (groups) {
        b.addImpactsOnGroups(DescribedImpact.adverse("Worse outcomes for a group"));
      }
      if (society) {
        b.addImpactsOnSociety(DescribedImpact.adverse("Loss of trust"));
      }
      return b.build();
    }
  }

  /** A retail credit-scoring system: decision support on a large, possibly vulnerable public. */
  static ImpactAssessment.Builder creditScoring() {
    return ImpactAssessment.builder()
        .systemId("credit-scoring")
        .assessedOn(ASSESSED)
        .assessor("AI governance board")
        .intendedPurpose("Score retail loan applications to support underwriters")
        .outputType(OutputType.DECISION_SUPPORT)
        .impactDomain(ImpactDomain.FINANCIAL_SERVICES)
        .affectedPopulation(
            AffectedPopulation.of(
                PopulationScale.LARGE, Vulnerability.POTENTIALLY_VULNERABLE, "Loan applicants"))
        .severity(Severity.MAJOR)
        .reversibility(Reversibility.REVERSIBLE_WITH_EFFORT)
        .humanOversight(HumanOversightMode.HUMAN_IN_THE_LOOP)
        .addImpactsOnIndividuals(DescribedImpact.adverse("Applicant wrongly refused credit"))
        .addImpactsOnGroups(DescribedImpact.adverse("Lower approval rates for young applicants"))
        .addImpactsOnSociety(DescribedImpact.adverse("Credit exclusion of thin-file households"))
        .reassessmentInterval(Period.ofYears(1));
  }

  /** An internal meeting summariser: content for a small team, mild and reversible effects. */
  static ImpactAssessment.Builder meetingSummaries() {
    return ImpactAssessment.builder()
        .systemId("meeting-summaries")
        .assessedOn(ASSESSED)
        .assessor("IT governance")
        .intendedPurpose("Summarise internal meeting notes")
        .outputType(OutputType.CONTENT_GENERATION)
        .impactDomain(ImpactDomain.OTHER)
        .affectedPopulation(
            AffectedPopulation.of(
                PopulationScale.SMALL, Vulnerability.NOT_VULNERABLE, "Staff of one department"))
        .severity(Severity.MINOR)
        .reversibility(Reversibility.REVERSIBLE)
        .humanOversight(HumanOversightMode.HUMAN_IN_COMMAND)
        .addImpactsOnIndividuals(DescribedImpact.adverse("A summary leaves out a decision"))
        .reassessmentInterval(Period.ofYears(2));
  }
}
