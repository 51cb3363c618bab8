package dev.aims.assessment.soa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.core.catalog.UnknownIdException;
import dev.aims.core.risk.RiskCategory;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.risk.RiskRating;
import dev.aims.core.risk.RiskTreatment;
import dev.aims.core.soa.ImplementationStatus;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.soa.StatementOfApplicability;
import dev.aims.core.system.AffectedPopulation;
import dev.aims.core.system.AiRole;
import dev.aims.core.system.AiSystem;
import dev.aims.core.system.HumanOversightMode;
import dev.aims.core.system.ImpactDomain;
import dev.aims.core.system.LifecycleStage;
import dev.aims.core.system.OutputType;
import dev.aims.core.system.PopulationScale;
import dev.aims.core.system.SystemStatus;
import dev.aims.core.system.Vulnerability;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SoaProposerTest {
  static AiSystem system(String id, Set<AiRole> roles, Set<String> suppliers) {
    return AiSystem.builder()
        .id(id)
        .name("System " + id)
        .intendedPurpose("purpose of " + id)
        .roles(roles)
        .lifecycleStage(LifecycleStage.OPERATION_AND_MONITORING)
        .outputType(OutputType.DECISION_SUPPORT)
        .impactDomain(ImpactDomain.FINANCIAL_SERVICES)
        .affectedPopulation(
            AffectedPopulation.of(
                PopulationScale.LARGE, Vulnerability.POTENTIALLY_VULNERABLE, "applicants"))
        .humanOversight(HumanOversightMode.HUMAN_IN_THE_LOOP)
        .suppliers(suppliers)
        .owner("Owner of " + id)
        .status(SystemStatus.IN_OPERATION)
        .build();
  }

  static RiskEntry risk(String id, String systemId, String... controls) {
    return RiskEntry.builder()
        .id(id)
        .systemId(systemId)
        .category(RiskCategory.MODEL)
        .riskSource("C.3.4")
        .description("risk " + id)
        .inherent(RiskRating.of(4, 4))
        .residual(RiskRating.of(2, 4))
        .treatment(RiskTreatment.MODIFY_SYSTEM)
        .controls(List.of(controls))
        .owner("Risk owner")
        .reviewDate(LocalDate.of(2026, 6, 30))
        .build();
  }

  private static final AiSystem SCORING =
      system("credit-scoring", Set.of(AiRole.AI_PROVIDER), Set.of());
  private static final AiSystem ASSISTANT =
      system("support-assistant", Set.of(AiRole.AI_CUSTOMER), Set.of("Acme LLM Inc."));

  @Test
  void providerOnly_includesProviderControls_excludesUserControls() {
    SoaProposal p = SoaProposer.propose(List.of(SCORING), List.of());
    assertThat(p.entries()).hasSize(38);
    ProposedEntry dev = p.entry("A.6.2.4").orElseThrow();
    assertThat(dev.applicable()).isTrue();
    assertThat(dev.bases()).containsExactly(ApplicabilityBasis.AI_PROVIDER);
    assertThat(dev.justification())
        .startsWith("Applies:")
        .contains("AI provider of credit-scoring");
    ProposedEntry use = p.entry("A.9.2").orElseThrow();
    assertThat(use.applicable()).isFalse();
    assertThat(use.justification())
        .startsWith("Excluded:")
        .contains("AI provider of credit-scoring")
        .contains("no risk");
    assertThat(p.entry("A.10.3").orElseThrow().applicable()).isFalse();
  }

  @Test
  void userOfThirdPartyModel_includesSuppliersAndUse_excludesDevelopment() {
    SoaProposal p = SoaProposer.propose(List.of(ASSISTANT), List.of());
    ProposedEntry suppliers = p.entry("A.10.3").orElseThrow();
    assertThat(suppliers.applicable()).isTrue();
    assertThat(suppliers.bases())
        .containsExactlyInAnyOrder(
            ApplicabilityBasis.AI_USER, ApplicabilityBasis.THIRD_PARTY_SUPPLIERS);
    assertThat(suppliers.justification())
        .contains("AI user of support-assistant")
        .contains("Acme LLM Inc.");
    ProposedEntry spec = p.entry("A.6.2.4").orElseThrow();
    assertThat(spec.applicable()).isFalse();
    assertThat(spec.justification())
        .contains("develops or provides none")
        .contains("AI user of support-assistant");
    assertThat(p.entry("A.2.2").orElseThrow().bases())
        .containsExactly(ApplicabilityBasis.EVERY_AIMS);
  }

  @Test
  void both_includesEveryControlWithRoleReasons() {
    SoaProposal p = SoaProposer.propose(List.of(SCORING, ASSISTANT), List.of());
    assertThat(p.excluded()).isEmpty();
    assertThat(p.entry("A.4.5").orElseThrow().justification())
        .contains("AI provider of credit-scoring")
        .contains("AI user of support-assistant");
  }

  @Test
  void riskTreatment_includesOtherwiseExcludedControl_andLinksRisks() {
    SoaProposal p =
        SoaProposer.propose(
            List.of(SCORING),
            List.of(
                risk("R-2", "credit-scoring", "a.9.2", "A.6.2.4"),
                risk("R-1", "credit-scoring", "A.9.2")));
    ProposedEntry use = p.entry("A.9.2").orElseThrow();
    assertThat(use.applicable()).isTrue();
    assertThat(use.riskIds()).containsExactly("R-1", "R-2");
    assertThat(use.bases()).containsExactly(ApplicabilityBasis.RISK_TREATMENT);
    assertThat(use.justification()).contains("risks R-1, R-2 chose it (Clause 6.1.3)");
    assertThat(p.entry("A.6.2.4").orElseThrow().riskIds()).containsExactly("R-2");
  }

  @Test
  void retiredSystems_andEmptyRegister_giveOnlyCommonControls() {
    AiSystem retired =
        AiSystem.builder()
            .from(SCORING)
            .status(SystemStatus.RETIRED)
            .lifecycleStage(LifecycleStage.RETIREMENT)
            .build();
    SoaProposal p = SoaProposer.propose(List.of(retired), List.of());
    assertThat(p.applicable())
        .allSatisfy(e -> assertThat(e.bases()).containsExactly(ApplicabilityBasis.EVERY_AIMS));
    assertThat(p.entry("A.6.2.4").orElseThrow().applicable()).isFalse();
    assertThat(SoaProposer.propose(List.of(), List.of()).applicable()).isEqualTo(p.applicable());
  }

  @Test
  void review_confirmKeepsWhoDecidedAndWhatChanged() {
    SoaProposal p =
        SoaProposer.propose(
            List.of(SCORING, ASSISTANT), List.of(risk("R-1", "credit-scoring", "A.7.4")));
    LocalDate day = LocalDate.of(2026, 2, 3);
    StatementOfApplicability soa =
        p.review()
            .exclude("a.10.4", "Scores are used only inside the group; no external customers.")
            .addOrganisationControl(
                SoaEntry.builder()
                    .controlId("ORG.1")
                    .organisationSpecific(true)
                    .title("Quarterly fairness review")
                    .applicable(true)
                    .justification("Board decision 2025-11")
                    .build())
            .confirm("Dana Reyes (CRO)", day, "1.0");
    assertThat(soa.annexAEntries()).hasSize(38);
    assertThat(soa.approvedBy()).contains("Dana Reyes (CRO)");
    SoaEntry customers = soa.entry("A.10.4").orElseThrow();
    assertThat(customers.applicable()).isFalse();
    assertThat(customers.implementationStatus()).isEqualTo(ImplementationStatus.NOT_APPLICABLE);
    assertThat(customers.decision().orElseThrow().changedFromProposal()).isTrue();
    SoaEntry quality = soa.entry("A.7.4").orElseThrow();
    assertThat(quality.riskIds()).containsExactly("R-1");
    assertThat(quality.decision().orElseThrow().changedFromProposal()).isFalse();
    assertThat(quality.decision().orElseThrow().decidedBy()).isEqualTo("Dana Reyes (CRO)");
    assertThat(soa.organisationEntries()).extracting(SoaEntry::controlId).containsExactly("ORG.1");
    assertThat(p.differences(soa)).extracting(SoaDifference::controlId).containsExactly("A.10.4");
  }

  @Test
  void review_carriesImplementationOverWhenApplicabilityStays() {
    SoaProposal p = SoaProposer.propose(List.of(SCORING), List.of());
    StatementOfApplicability first = p.review().confirm("A", LocalDate.of(2026, 1, 1), "1.0");
    StatementOfApplicability worked =
        StatementOfApplicability.builder()
            .from(first)
            .entries(
                first.entries().stream()
                    .map(
                        e ->
                            e.controlId().equals("A.6.2.8")
                                ? SoaEntry.builder()
                                    .from(e)
                                    .implementationStatus(ImplementationStatus.IMPLEMENTED)
                                    .addEvidence("logging spec v3")
                                    .build()
                                : e)
                    .toList())
            .build();
    StatementOfApplicability second =
        p.review().keepImplementationFrom(worked).confirm("B", LocalDate.of(2026, 7, 1), "1.1");
    SoaEntry logs = second.entry("A.6.2.8").orElseThrow();
    assertThat(logs.implementationStatus()).isEqualTo(ImplementationStatus.IMPLEMENTED);
    assertThat(logs.evidence()).containsExactly("logging spec v3");
    assertThat(logs.decision().orElseThrow().decidedBy()).isEqualTo("B");
  }

  @Test
  void review_rejectsUnknownControlAndBlankJustification() {
    SoaReview r = SoaProposer.propose(List.of(SCORING), List.of()).review();
    assertThatThrownBy(() -> r.exclude("A.6.2.1", "x"))
        .isInstanceOf(UnknownIdException.class)
        .hasMessageContaining("A.6.2.2");
    assertThatThrownBy(() -> r.exclude("A.6.2.4", " "))
        .hasMessageContaining("justification for A.6.2.4")
        .hasMessageContaining("excluded");
    assertThatThrownBy(() -> r.confirm(" ", LocalDate.of(2026, 1, 1), "1"))
        .hasMessageContaining("decidedBy");
  }
}
