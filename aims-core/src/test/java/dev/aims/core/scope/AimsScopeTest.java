package dev.aims.core.scope;

import static dev.aims.core.testing.CommonGen.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.aims.core.json.AimsJson;
import dev.aims.core.system.AiRole;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.RecordValidator;
import dev.aims.core.validation.Violation;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AimsScopeTest {
  static AimsScope example() {
    return AimsScope.builder()
        .organisation("Northwind Lending")
        .boundaries("Retail lending in the EU: credit scoring and fraud screening services")
        .addSystemIds("credit-scoring", "fraud-screening")
        .addExclusions("Marketing analytics: no AI system in use")
        .addRoles(AiRole.AI_PROVIDER, AiRole.AI_CUSTOMER)
        .addInterestedParties(
            InterestedParty.builder()
                .name("Loan applicants")
                .kind(InterestedPartyKind.AFFECTED_PERSON)
                .addRequirements(
                    PartyRequirement.of("Explanations of credit decisions", true),
                    PartyRequirement.of("Human review on request", false))
                .build(),
            InterestedParty.builder()
                .name("Banking supervisor")
                .kind(InterestedPartyKind.REGULATOR)
                .addRequirements(
                    PartyRequirement.builder()
                        .description("Climate risk disclosure in model governance")
                        .addressedByAims(true)
                        .climateChangeRelevant(true)
                        .build())
                .build())
        .addIssues(
            ContextIssue.of(IssueType.EXTERNAL, "EU AI Act obligations for credit scoring", false),
            ContextIssue.of(IssueType.INTERNAL, "Few staff trained in model validation", false))
        .build();
  }

  @Test
  void builder_buildsValidScope() {
    AimsScope scope = RecordValidator.validate(example(), "AimsScope");
    assertThat(scope.includes("credit-scoring")).isTrue();
    assertThat(scope.includes("chatbot")).isFalse();
    assertThat(scope.issuesOfType(IssueType.INTERNAL))
        .extracting(ContextIssue::description)
        .containsExactly("Few staff trained in model validation");
    assertThat(scope.unaddressedRequirements())
        .extracting(PartyRequirement::description)
        .containsExactly("Human review on request");
    assertThat(scope.isClimateChangeRelevant()).isTrue();
  }

  @Test
  void isClimateChangeRelevant_falseWithoutFlaggedIssueOrRequirement() {
    AimsScope scope =
        AimsScope.builder()
            .from(example())
            .interestedParties(List.of())
            .issues(
                List.of(ContextIssue.of(IssueType.EXTERNAL, "Heat waves at the data centre", true)))
            .build();
    assertThat(scope.isClimateChangeRelevant()).isTrue();
    assertThat(AimsScope.builder().from(scope).issues(List.of()).build().isClimateChangeRelevant())
        .isFalse();
  }

  @Test
  void check_rejectsRepeatedSystemIdsAndPartyNames() {
    InterestedParty party = example().interestedParties().get(0);
    assertThatThrownBy(
            () ->
                AimsScope.builder()
                    .from(example())
                    .systemIds(List.of("credit-scoring", "credit-scoring"))
                    .interestedParties(List.of(party, party))
                    .build())
        .isInstanceOfSatisfying(
            InvalidRecordException.class,
            e -> {
              assertThat(e.violations())
                  .extracting(Violation::path, Violation::value)
                  .containsExactly(
                      tuple("interestedParties[1].name", "'Loan applicants'"),
                      tuple("systemIds[1]", "'credit-scoring'"));
              assertThat(e).hasMessageStartingWith("AimsScope 'Northwind Lending' is invalid");
            });
  }

  @Test
  void build_rejectsEveryViolation() {
    assertThat(rejected(() -> PartyRequirement.of("", true)))
        .extracting(Violation::path)
        .containsExactly("description");
    assertThat(rejected(() -> ContextIssue.of(IssueType.INTERNAL, "\n", false)))
        .extracting(Violation::path)
        .containsExactly("description");
    assertThat(
            rejected(
                () -> InterestedParty.builder().name(" ").kind(InterestedPartyKind.OTHER).build()))
        .extracting(Violation::path)
        .containsExactly("name");
    assertThat(
            rejected(
                () ->
                    AimsScope.builder()
                        .from(example())
                        .organisation(" ")
                        .roles(Set.of())
                        .systemIds(List.of("Credit_Scoring"))
                        .build()))
        .extracting(Violation::path)
        .containsExactly("organisation", "roles", "systemIds[0].<list element>");
  }

  @Test
  void json_roundTripsWithoutHelperProperties() throws Exception {
    String json = AimsJson.mapper().writeValueAsString(example());
    JsonNode tree = AimsJson.mapper().readTree(json);
    assertThat(tree.fieldNames())
        .toIterable()
        .containsExactly(
            "organisation",
            "boundaries",
            "systemIds",
            "exclusions",
            "roles",
            "interestedParties",
            "issues");
    assertThat(AimsJson.mapper().readValue(json, AimsScope.class)).isEqualTo(example());
  }

  @Test
  void json_rejectsUnknownField() {
    String json = "{\"organisation\":\"x\",\"boundary\":\"y\"}";
    assertThatThrownBy(() -> AimsJson.mapper().readValue(json, AimsScope.class))
        .isInstanceOf(UnrecognizedPropertyException.class)
        .hasMessageContaining("boundary");
  }
}
