package dev.aims.assessment.gap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.core.catalog.Catalog;
import dev.aims.core.policy.PolicyKind;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.soa.ImplementationStatus;
import dev.aims.core.system.AiSystem;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GapAnalyzerTest {
  private static final LocalDate AS_OF = SampleOrganisation.AS_OF;

  @Test
  void completeRecords_areGreenEverywhere() {
    GapAnalysis a = GapAnalyzer.analyse(SampleOrganisation.complete(), AS_OF);
    assertThat(a.items()).hasSize(70);
    assertThat(a.items())
        .filteredOn(i -> i.status() != RagStatus.GREEN)
        .extracting(i -> i.ref() + " " + i.gaps())
        .isEmpty();
    assertThat(a.findings()).isEmpty();
    assertThat(a.organisation()).isEqualTo(SampleOrganisation.NAME);
  }

  @Test
  void emptyRecords_areRedEverywhere_andCiteClausesAndControls() {
    GapAnalysis a = GapAnalyzer.analyse(AimsRecords.empty(), AS_OF);
    assertThat(a.items()).allSatisfy(i -> assertThat(i.status()).isEqualTo(RagStatus.RED));
    assertThat(a.clauseItems())
        .extracting(GapItem::ref)
        .containsExactlyElementsOf(
            Catalog.standard().leafClauses().stream().map(c -> c.id()).toList());
    assertThat(a.controlItems()).hasSize(38);
    assertThat(a.findings()).allSatisfy(f -> assertThat(f.ref()).isNotBlank());
    assertThat(a.item("A.2.2").orElseThrow().gaps().get(0).message())
        .contains("No Statement of Applicability");
  }

  @Test
  void inScopeSystemWithoutImpactAssessment_isFlagged() {
    AimsRecords r = SampleOrganisation.complete();
    AimsRecords missing =
        AimsRecords.builder()
            .from(r)
            .impactAssessments(
                r.impactAssessments().stream()
                    .filter(x -> !x.systemId().equals("customer-assistant"))
                    .toList())
            .build();
    GapAnalysis a = GapAnalyzer.analyse(missing, AS_OF);
    GapItem aisia = a.item("8.4").orElseThrow();
    assertThat(aisia.status()).isEqualTo(RagStatus.AMBER);
    assertThat(aisia.gaps().get(0).message())
        .contains("customer-assistant is in scope but has no impact assessment");
    assertThat(a.typicalMisses())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.miss()).isEqualTo(TypicalMiss.SYSTEM_WITHOUT_IMPACT_ASSESSMENT);
              assertThat(m.refs()).contains("6.1.4", "8.4", "A.5.2");
            });
  }

  @Test
  void registerMissingSystemNamedByScope_isIncompleteRegister() {
    AimsRecords r = SampleOrganisation.complete();
    AimsRecords missing =
        AimsRecords.builder()
            .from(r)
            .scope(
                dev.aims.core.scope.AimsScope.builder()
                    .from(r.scope().orElseThrow())
                    .addSystemIds("fraud-detector")
                    .build())
            .build();
    GapAnalysis a = GapAnalyzer.analyse(missing, AS_OF);
    assertThat(a.item("4.1").orElseThrow().status()).isEqualTo(RagStatus.AMBER);
    assertThat(a.typicalMisses())
        .extracting(FlaggedMiss::miss)
        .contains(TypicalMiss.INCOMPLETE_REGISTER);
    assertThat(a.item("A.4.2").orElseThrow().gaps().get(0).message()).contains("fraud-detector");
  }

  @Test
  void missingDataGovernancePolicy_isRedOnA7() {
    AimsRecords r = SampleOrganisation.complete();
    AimsRecords missing =
        AimsRecords.builder()
            .from(r)
            .policies(
                r.policies().stream().filter(p -> p.kind() != PolicyKind.DATA_GOVERNANCE).toList())
            .build();
    GapAnalysis a = GapAnalyzer.analyse(missing, AS_OF);
    for (String c : List.of("A.7.2", "A.7.3", "A.7.4", "A.7.5", "A.7.6")) {
      assertThat(a.item(c).orElseThrow().status()).as(c).isEqualTo(RagStatus.RED);
    }
    assertThat(a.typicalMisses())
        .extracting(FlaggedMiss::miss)
        .containsExactly(TypicalMiss.DATA_GOVERNANCE_UNDOCUMENTED);
  }

  @Test
  void noOversightRecords_isFlagged_andStaleOnesAreAmber() {
    AimsRecords r = SampleOrganisation.complete();
    GapAnalysis none =
        GapAnalyzer.analyse(AimsRecords.builder().from(r).oversight(List.of()).build(), AS_OF);
    assertThat(none.item("A.9.2").orElseThrow().status()).isEqualTo(RagStatus.RED);
    assertThat(none.typicalMisses())
        .extracting(FlaggedMiss::miss)
        .containsExactly(TypicalMiss.NO_HUMAN_OVERSIGHT_RECORDS);
    GapAnalysis later = GapAnalyzer.analyse(r, AS_OF.plusMonths(4));
    assertThat(later.item("A.6.2.6").orElseThrow().gaps())
        .extracting(Gap::message)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("latest oversight record of credit-scoring ends on 2026-02-28"));
  }

  @Test
  void unassessedSupplier_isFlaggedUnderA103() {
    AimsRecords r = SampleOrganisation.complete();
    AimsRecords partial =
        AimsRecords.builder()
            .from(r)
            .supplierAssessments(
                r.supplierAssessments().stream()
                    .filter(s -> !s.supplier().startsWith("Aster"))
                    .toList())
            .build();
    GapAnalysis a = GapAnalyzer.analyse(partial, AS_OF);
    GapItem item = a.item("A.10.3").orElseThrow();
    assertThat(item.status()).isEqualTo(RagStatus.AMBER);
    assertThat(item.gaps().get(0).message())
        .isEqualTo("Aster AI Inc. supplies customer-assistant but has not been assessed");
    assertThat(item.gaps().get(0).typicalMiss()).contains(TypicalMiss.SUPPLIERS_NOT_ASSESSED);
  }

  @Test
  void excludingA103WhileUsingSuppliers_isAmberWithReason() {
    AimsRecords r =
        SampleOrganisation.changeSoa(
            SampleOrganisation.complete(),
            "A.10.3",
            e ->
                e.applicable(false)
                    .implementationStatus(ImplementationStatus.NOT_APPLICABLE)
                    .evidence(List.of())
                    .justification("We trust our suppliers"));
    GapAnalysis a = GapAnalyzer.analyse(r, AS_OF);
    GapItem item = a.item("A.10.3").orElseThrow();
    assertThat(item.status()).isEqualTo(RagStatus.AMBER);
    assertThat(item.gaps().get(0).message()).contains("Excluded, but").contains("Aster AI Inc.");
    assertThat(item.gaps().get(0).typicalMiss()).contains(TypicalMiss.SUPPLIERS_NOT_ASSESSED);
    assertThat(a.item("6.1.3").orElseThrow().gaps())
        .extracting(Gap::message)
        .anySatisfy(
            m -> assertThat(m).contains("R-003 is treated by A.10.3, which the SoA excludes"));
  }

  @Test
  void noIncidentPolicy_isIncidentsNotExtendedToAi() {
    AimsRecords r = SampleOrganisation.complete();
    AimsRecords missing =
        AimsRecords.builder()
            .from(r)
            .policies(
                r.policies().stream()
                    .filter(p -> p.kind() != PolicyKind.AI_INCIDENT_MANAGEMENT)
                    .toList())
            .build();
    GapAnalysis a = GapAnalyzer.analyse(missing, AS_OF);
    assertThat(a.item("A.8.4").orElseThrow().status()).isEqualTo(RagStatus.RED);
    assertThat(a.item("7.4").orElseThrow().status()).isEqualTo(RagStatus.AMBER);
    assertThat(a.typicalMisses())
        .extracting(FlaggedMiss::miss)
        .containsExactly(TypicalMiss.INCIDENTS_NOT_EXTENDED_TO_AI);
  }

  @Test
  void unmeasurableObjective_isFlagged() {
    AimsRecords r = SampleOrganisation.complete();
    AimsRecords vague =
        AimsRecords.builder()
            .from(r)
            .addObjectives(
                dev.aims.core.objective.AiObjective.builder()
                    .id("OBJ-02")
                    .statement("Use AI responsibly")
                    .owner("CEO")
                    .status(dev.aims.core.objective.ObjectiveStatus.PLANNED)
                    .build())
            .build();
    GapItem item = GapAnalyzer.analyse(vague, AS_OF).item("6.2").orElseThrow();
    assertThat(item.status()).isEqualTo(RagStatus.AMBER);
    assertThat(item.gaps().get(0).message())
        .isEqualTo("OBJ-02 is not measurable: no metric, no target, no due date");
    assertThat(item.gaps().get(0).typicalMiss()).contains(TypicalMiss.OBJECTIVES_NOT_MEASURABLE);
  }

  @Test
  void plannedControl_isRed_inProgressAmber_withTargetDate() {
    AimsRecords r =
        SampleOrganisation.changeSoa(
            SampleOrganisation.changeSoa(
                SampleOrganisation.complete(),
                "A.6.2.8",
                e ->
                    e.implementationStatus(ImplementationStatus.PLANNED)
                        .targetDate(LocalDate.of(2026, 5, 1))),
            "A.8.3",
            e -> e.implementationStatus(ImplementationStatus.IN_PROGRESS));
    GapAnalysis a = GapAnalyzer.analyse(r, AS_OF);
    assertThat(a.item("A.6.2.8").orElseThrow().status()).isEqualTo(RagStatus.RED);
    assertThat(a.item("A.6.2.8").orElseThrow().action())
        .isEqualTo("Implement A.6.2.8 by 2026-05-01");
    assertThat(a.item("A.8.3").orElseThrow().status()).isEqualTo(RagStatus.AMBER);
    assertThat(a.counts()).containsEntry(RagStatus.RED, 1).containsEntry(RagStatus.AMBER, 1);
  }

  @Test
  void significantChangeSinceAssessment_asksForReassessment() {
    AimsRecords r = SampleOrganisation.complete();
    List<AiSystem> systems =
        r.systems().stream()
            .map(
                s ->
                    s.id().equals("credit-scoring")
                        ? AiSystem.builder()
                            .from(s)
                            .outputType(dev.aims.core.system.OutputType.AUTONOMOUS_DECISION)
                            .build()
                        : s)
            .toList();
    GapItem item =
        GapAnalyzer.analyse(AimsRecords.builder().from(r).systems(systems).build(), AS_OF)
            .item("8.4")
            .orElseThrow();
    assertThat(item.status()).isEqualTo(RagStatus.AMBER);
    assertThat(item.gaps().get(0).message())
        .contains("credit-scoring has changed since its assessment of 2026-01-10")
        .contains("DECISION_SUPPORT → AUTONOMOUS_DECISION");
  }

  @Test
  void staleRecords_becomeAmberAYearLater() {
    GapAnalysis a = GapAnalyzer.analyse(SampleOrganisation.complete(), AS_OF.plusMonths(14));
    assertThat(a.item("9.3.1").orElseThrow().status()).isEqualTo(RagStatus.AMBER);
    assertThat(a.item("9.2.1").orElseThrow().status()).isEqualTo(RagStatus.AMBER);
    assertThat(a.item("5.2").orElseThrow().gaps())
        .extracting(Gap::message)
        .anySatisfy(m -> assertThat(m).contains("was due for review on 2026-12-01"));
    assertThat(a.items()).noneMatch(i -> i.status() == RagStatus.RED);
  }
}
