package dev.aims.core.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.core.improvement.CorrectiveAction;
import dev.aims.core.improvement.CorrectiveActionStatus;
import dev.aims.core.json.AimsJson;
import dev.aims.core.policy.PolicyDocument;
import dev.aims.core.policy.PolicyKind;
import dev.aims.core.policy.PolicyStatus;
import dev.aims.core.risk.RiskCategory;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.risk.RiskLevel;
import dev.aims.core.risk.RiskRating;
import dev.aims.core.risk.RiskTreatment;
import dev.aims.core.scope.AimsScope;
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
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.Violation;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AimsRecordsTest {
  static AiSystem system(String id, SystemStatus status, LifecycleStage stage) {
    return AiSystem.builder()
        .id(id)
        .name("System " + id)
        .intendedPurpose("purpose")
        .roles(Set.of(AiRole.AI_PROVIDER))
        .lifecycleStage(stage)
        .outputType(OutputType.PREDICTION)
        .impactDomain(ImpactDomain.FINANCIAL_SERVICES)
        .affectedPopulation(
            AffectedPopulation.of(PopulationScale.SMALL, Vulnerability.NOT_VULNERABLE, "staff"))
        .humanOversight(HumanOversightMode.HUMAN_IN_THE_LOOP)
        .owner("owner")
        .status(status)
        .build();
  }

  static RiskEntry risk(String id, String systemId) {
    return RiskEntry.builder()
        .id(id)
        .systemId(systemId)
        .category(RiskCategory.DATA)
        .riskSource("C.3.4")
        .description("d")
        .inherent(RiskRating.of(3, 3))
        .residual(RiskRating.of(2, 2))
        .treatment(RiskTreatment.MODIFY_SYSTEM)
        .owner("o")
        .reviewDate(LocalDate.of(2026, 12, 1))
        .build();
  }

  private static final AiSystem LIVE =
      system("scoring", SystemStatus.IN_OPERATION, LifecycleStage.OPERATION_AND_MONITORING);
  private static final AiSystem OLD =
      system("old", SystemStatus.RETIRED, LifecycleStage.RETIREMENT);

  @Test
  void inScopeSystems_followTheScope_orSkipRetiredWithoutOne() {
    AimsRecords noScope = AimsRecords.builder().addSystems(LIVE, OLD).build();
    assertThat(noScope.inScopeSystems()).containsExactly(LIVE);
    AimsRecords scoped =
        AimsRecords.builder()
            .from(noScope)
            .scope(
                AimsScope.builder()
                    .organisation("Acme")
                    .boundaries("all")
                    .addSystemIds("old")
                    .roles(Set.of(AiRole.AI_PROVIDER))
                    .build())
            .build();
    assertThat(scoped.inScopeSystems()).containsExactly(OLD);
    assertThat(scoped.organisationName()).isEqualTo("Acme");
    assertThat(AimsRecords.empty().organisationName()).isEqualTo("the organisation");
    assertThat(AimsRecords.empty().riskCriteria().maxAcceptableLevel()).isEqualTo(RiskLevel.MEDIUM);
  }

  @Test
  void consistencyProblems_nameListIndexFieldAndValue() {
    AimsRecords r =
        AimsRecords.builder()
            .addSystems(LIVE)
            .addRisks(risk("R-1", "scoring"), risk("R-1", "ghost"))
            .addCorrectiveActions(
                CorrectiveAction.builder()
                    .id("CA-1")
                    .nonconformityId("NC-9")
                    .action("fix")
                    .owner("o")
                    .raisedOn(LocalDate.of(2026, 1, 1))
                    .dueDate(LocalDate.of(2026, 2, 1))
                    .status(CorrectiveActionStatus.PLANNED)
                    .build())
            .addOversight(
                OversightRecord.builder()
                    .id("OV-1")
                    .systemId("nowhere")
                    .periodStart(LocalDate.of(2026, 1, 1))
                    .periodEnd(LocalDate.of(2026, 1, 31))
                    .mode(HumanOversightMode.HUMAN_IN_THE_LOOP)
                    .outputs(10)
                    .reviewed(2)
                    .overridden(1)
                    .addReviewers("team")
                    .build())
            .build();
    assertThat(r.consistencyProblems())
        .extracting(Violation::path, Violation::value)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("risks[1].id", "'R-1'"),
            org.assertj.core.groups.Tuple.tuple("risks[1].systemId", "'ghost'"),
            org.assertj.core.groups.Tuple.tuple("correctiveActions[0].nonconformityId", "'NC-9'"),
            org.assertj.core.groups.Tuple.tuple("oversight[0].systemId", "'nowhere'"));
    assertThat(
            AimsRecords.builder()
                .addSystems(LIVE)
                .addRisks(risk("R-1", "scoring"))
                .build()
                .consistencyProblems())
        .isEmpty();
  }

  @Test
  void policy_prefersLatestNotWithdrawn() {
    PolicyDocument v1 =
        PolicyDocument.builder()
            .id("P-1")
            .kind(PolicyKind.AI_POLICY)
            .version("1")
            .owner("o")
            .approver("CEO")
            .effectiveDate(LocalDate.of(2025, 1, 1))
            .build();
    PolicyDocument v2 =
        PolicyDocument.builder()
            .from(v1)
            .id("P-2")
            .version("2")
            .effectiveDate(LocalDate.of(2026, 1, 1))
            .nextReview(LocalDate.of(2027, 1, 1))
            .build();
    PolicyDocument withdrawn =
        PolicyDocument.builder()
            .from(v1)
            .id("P-3")
            .status(PolicyStatus.WITHDRAWN)
            .effectiveDate(LocalDate.of(2026, 6, 1))
            .nextReview(LocalDate.of(2027, 6, 1))
            .build();
    AimsRecords r = AimsRecords.builder().addPolicies(v1, v2, withdrawn).build();
    assertThat(r.policy(PolicyKind.AI_POLICY)).contains(v2);
    assertThat(r.policy(PolicyKind.DATA_GOVERNANCE)).isEmpty();
  }

  @Test
  void json_roundTrips() throws Exception {
    AimsRecords r =
        AimsRecords.builder()
            .organisation(
                Organisation.builder()
                    .name("Acme")
                    .certificateDate(LocalDate.of(2026, 5, 1))
                    .build())
            .addSystems(LIVE)
            .addRisks(risk("R-1", "scoring"))
            .build();
    String json = AimsJson.mapper().writeValueAsString(r);
    assertThat(json).doesNotContain("inScopeSystems").doesNotContain("organisationName");
    assertThat(AimsJson.mapper().readValue(json, AimsRecords.class)).isEqualTo(r);
  }

  @Test
  void oversightRecord_rejectsCountsThatDoNotNest() {
    assertThatThrownBy(
            () ->
                OversightRecord.builder()
                    .id("OV-1")
                    .systemId("scoring")
                    .periodStart(LocalDate.of(2026, 2, 1))
                    .periodEnd(LocalDate.of(2026, 1, 1))
                    .mode(HumanOversightMode.HUMAN_ON_THE_LOOP)
                    .outputs(5)
                    .reviewed(7)
                    .overridden(8)
                    .build())
        .isInstanceOfSatisfying(
            InvalidRecordException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path)
                    .containsExactly("overridden", "periodEnd", "reviewed", "reviewers"));
  }

  @Test
  void organisation_rejectsBlankOptionalText() {
    assertThatThrownBy(() -> Organisation.builder().name("Acme").aimsManager(" ").build())
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("aimsManager");
    assertThat(Organisation.builder().name("Acme").build().riskCriteria().maxAcceptableLevel())
        .isEqualTo(RiskLevel.MEDIUM);
  }
}
