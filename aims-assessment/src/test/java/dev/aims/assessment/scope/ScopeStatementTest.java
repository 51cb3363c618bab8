package dev.aims.assessment.scope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.assessment.gap.SampleOrganisation;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.scope.AimsScope;
import dev.aims.core.scope.InterestedParty;
import dev.aims.core.scope.InterestedPartyKind;
import dev.aims.core.scope.PartyRequirement;
import dev.aims.core.system.AiSystem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScopeStatementTest {
  private static final LocalDate DAY = SampleOrganisation.AS_OF;
  private static final AimsRecords COMPLETE = SampleOrganisation.complete();

  private static AimsRecords withScope(AimsScope scope) {
    return AimsRecords.builder().from(COMPLETE).scope(scope).build();
  }

  @Test
  void completeRecords_giveEveryPartOfClause43_andNoOpenPoint() {
    ScopeStatement s = ScopeStatement.of(COMPLETE, DAY);
    assertThat(s.boundaries()).contains(SampleOrganisation.scope().boundaries());
    assertThat(s.roles()).containsExactly("AI provider", "AI customer");
    assertThat(s.systems())
        .extracting(ScopeStatement.SystemInScope::id)
        .containsExactly("credit-scoring", "customer-assistant");
    ScopeStatement.SystemInScope credit = s.systems().get(0);
    assertThat(credit.name()).isPresent();
    assertThat(credit.roles()).isNotEmpty();
    assertThat(credit.interfaces()).anyMatch(i -> i.startsWith("Output: "));
    assertThat(credit.interfaces()).anyMatch(i -> i.startsWith("Human oversight: "));
    assertThat(s.exclusions())
        .containsExactly(
            new ScopeStatement.Exclusion(
                "Marketing analytics", Optional.of("no AI system is used there")));
    assertThat(s.interestedParties())
        .extracting(ScopeStatement.Party::name)
        .containsExactly("Loan applicants", "Financial conduct regulator");
    assertThat(s.interestedParties().get(0).requirements())
        .containsExactly("Explanations of credit decisions (addressed by the AIMS)");
    assertThat(s.issues())
        .containsExactly(
            "External: Consumer credit rules on fair lending", "Internal: Small data science team");
    assertThat(s.openPoints()).isEmpty();
  }

  @Test
  void dependencies_nameModelsDataAndSuppliersWithTheirAssessment() {
    ScopeStatement s = ScopeStatement.of(COMPLETE, DAY);
    List<String> deps = new ArrayList<>();
    s.systems().forEach(x -> deps.addAll(x.dependencies()));
    assertThat(deps).anyMatch(d -> d.startsWith("Model "));
    assertThat(deps).anyMatch(d -> d.startsWith("Supplier ") && d.contains("assessed "));
  }

  @Test
  void supplierWithoutAssessment_isNamedAsSuch() {
    AimsRecords r = AimsRecords.builder().from(COMPLETE).supplierAssessments(List.of()).build();
    List<String> deps = new ArrayList<>();
    ScopeStatement.of(r, DAY).systems().forEach(x -> deps.addAll(x.dependencies()));
    assertThat(deps)
        .filteredOn(d -> d.startsWith("Supplier "))
        .isNotEmpty()
        .allMatch(d -> d.endsWith("(no supplier assessment, A.10.3)"));
  }

  @Test
  void noScope_isAnOpenPoint() {
    ScopeStatement s =
        ScopeStatement.of(
            AimsRecords.builder().from(COMPLETE).scope(Optional.empty()).build(), DAY);
    assertThat(s.boundaries()).isEmpty();
    assertThat(s.openPoints()).singleElement().asString().startsWith("No scope is recorded");
    assertThat(s.markdown()).contains("## Boundaries\n\nNot recorded.");
  }

  @Test
  void gapsInTheScope_areOpenPoints() {
    AimsScope base = SampleOrganisation.scope();
    AimsScope gappy =
        AimsScope.builder()
            .from(base)
            .systemIds(List.of("credit-scoring", "fraud-model"))
            .exclusions(List.of("Marketing analytics"))
            .addInterestedParties(
                InterestedParty.builder()
                    .name("Consumer association")
                    .kind(InterestedPartyKind.SOCIETY)
                    .addRequirements(PartyRequirement.of("Public statistics on refusals", false))
                    .build())
            .build();
    ScopeStatement s = ScopeStatement.of(withScope(gappy), DAY);
    assertThat(s.openPoints())
        .containsExactly(
            "fraud-model is in scope but not in the AI system register (systems/)",
            "The exclusion \"Marketing analytics\" gives no justification (write \"what: why\")",
            "customer-assistant is in the AI system register but neither in scope nor excluded"
                + " with a justification",
            "\"Public statistics on refusals\" is not addressed by the AIMS: say why, or address"
                + " it");
    assertThat(s.systems().get(1).name()).isEmpty();
    assertThat(s.markdown())
        .contains("| Marketing analytics | **none given** |")
        .contains("### `fraud-model`\n\nNot in the AI system register.");
  }

  @Test
  void aRegisteredSystemExcludedByName_isNotAnOpenPoint() {
    AiSystem assistant = COMPLETE.system("customer-assistant").orElseThrow();
    AimsScope scope =
        AimsScope.builder()
            .from(SampleOrganisation.scope())
            .systemIds(List.of("credit-scoring"))
            .addExclusions(assistant.name() + ": run by a separate entity with its own AIMS")
            .build();
    assertThat(ScopeStatement.of(withScope(scope), DAY).openPoints()).isEmpty();
  }

  @Test
  void markdown_hasOneSectionPerPartOfClause43_andEscapesTableCells() {
    AimsScope scope =
        AimsScope.builder()
            .from(SampleOrganisation.scope())
            .exclusions(List.of("Pricing | offers: no AI system"))
            .build();
    String md = ScopeStatement.of(withScope(scope), DAY).markdown();
    assertThat(md)
        .startsWith("# Scope of the AI management system of " + COMPLETE.organisationName())
        .contains("## Boundaries")
        .contains("## Roles of the organisation")
        .contains("## AI systems in scope")
        .contains("Interfaces:")
        .contains("Dependencies:")
        .contains("## Exclusions")
        .contains("| Pricing \\| offers | no AI system |")
        .contains("## Interested parties and their requirements")
        .contains("## Issues considered (Clause 4.1)")
        .contains("## Open points");
  }
}
