package dev.aims.assessment.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.assessment.impact.ImpactClassification;
import dev.aims.assessment.impact.ImpactClassifier;
import dev.aims.assessment.impact.ImpactRule;
import dev.aims.core.impact.DescribedImpact;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.impact.ImpactLevel;
import dev.aims.core.impact.Reversibility;
import dev.aims.core.impact.Severity;
import dev.aims.core.risk.RiskCategory;
import dev.aims.core.risk.RiskCriteria;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.risk.RiskLevel;
import dev.aims.core.risk.RiskRating;
import dev.aims.core.risk.RiskTreatment;
import dev.aims.core.system.AffectedPopulation;
import dev.aims.core.system.HumanOversightMode;
import dev.aims.core.system.ImpactDomain;
import dev.aims.core.system.OutputType;
import dev.aims.core.system.PopulationScale;
import dev.aims.core.system.Vulnerability;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The code of the README section "Risk and impact", kept compiling and checked here. */
class RiskImpactReadmeTest {
  @Test
  void readme_scoresARiskAndClassifiesAnImpactAssessment() {
    // --- README: risk ---
    RiskMatrix matrix = RiskMatrix.defaultMatrix(); // 5x5, LOW 1-4 ... CRITICAL 17-25
    RiskLevel level = matrix.level(4, 5); // CRITICAL: score 20
    boolean acceptable = RiskCriteria.defaults().accepts(level); // false: above MEDIUM

    RiskEntry risk =
        RiskEntry.builder()
            .id("R-001")
            .systemId("credit-scoring")
            .category(RiskCategory.DATA)
            .riskSource("C.3.4") // Annex C: risk sources related to machine learning
            .description("Training data under-represents young applicants")
            .inherent(RiskRating.of(4, 4))
            .residual(RiskRating.of(2, 4))
            .treatment(RiskTreatment.MODIFY_SYSTEM)
            .addControls("A.7.4", "A.6.2.4") // checked against Annex A
            .owner("Head of Credit Risk")
            .reviewDate(LocalDate.of(2027, 3, 31))
            .build();
    List<RiskFinding> findings =
        RiskRegisterCheck.defaults().check(List.of(risk), LocalDate.of(2026, 11, 22));
    RiskRegisterSummary summary = RiskRegisterSummary.of(matrix, List.of(risk));
    int inCell = summary.residualHeatMap().count(2, 4); // 1

    // --- README: impact ---
    ImpactAssessment aisia =
        ImpactAssessment.builder()
            .systemId("credit-scoring")
            .assessedOn(LocalDate.of(2026, 9, 15))
            .assessor("AI governance board")
            .intendedPurpose("Score retail loan applications for underwriters")
            .outputType(OutputType.DECISION_SUPPORT)
            .impactDomain(ImpactDomain.FINANCIAL_SERVICES)
            .affectedPopulation(
                AffectedPopulation.of(
                    PopulationScale.LARGE,
                    Vulnerability.POTENTIALLY_VULNERABLE,
                    "Retail loan applicants"))
            .severity(Severity.MAJOR)
            .reversibility(Reversibility.REVERSIBLE_WITH_EFFORT)
            .humanOversight(HumanOversightMode.HUMAN_IN_THE_LOOP)
            .addImpactsOnIndividuals(DescribedImpact.adverse("Applicant wrongly refused credit"))
            .reassessmentInterval(Period.ofYears(1))
            .build();
    ImpactClassification c = ImpactClassifier.classify(aisia);
    // c.level() == HIGH; c.firedRules() starts with HIGH_ROW (AISIA-T3);
    // c.controlImplications() lists the baseline, MEDIUM and HIGH implications with their controls.
    boolean due =
        ImpactClassifier.reassessment(aisia, LocalDate.of(2027, 9, 15), false).due(); // true
    // --- end of README code ---

    assertThat(level).isEqualTo(RiskLevel.CRITICAL);
    assertThat(matrix.score(4, 5)).isEqualTo(20);
    assertThat(acceptable).isFalse();
    assertThat(findings).isEmpty();
    assertThat(inCell).isEqualTo(1);
    assertThat(c.level()).isEqualTo(ImpactLevel.HIGH);
    assertThat(c.firedRules()).startsWith(ImpactRule.HIGH_ROW);
    assertThat(c.controlImplications()).hasSize(8);
    assertThat(due).isTrue();
  }
}
