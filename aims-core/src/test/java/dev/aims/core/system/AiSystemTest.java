package dev.aims.core.system;

import static dev.aims.core.testing.CommonGen.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.aims.core.json.AimsJson;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.RecordValidator;
import dev.aims.core.validation.Violation;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AiSystemTest {
  /** A builder preset with {@link #example()}, for tests that change a few fields. */
  static AiSystem.Builder creditScoring() {
    return AiSystem.builder().from(example());
  }

  /** A complete register entry of the kind the README shows. */
  static AiSystem example() {
    return AiSystem.builder()
        .id("credit-scoring")
        .name("Retail credit scoring")
        .intendedPurpose("Score retail loan applications to support the credit officer's decision")
        .addRoles(AiRole.AI_PROVIDER, AiRole.AI_CUSTOMER)
        .lifecycleStage(LifecycleStage.OPERATION_AND_MONITORING)
        .outputType(OutputType.DECISION_SUPPORT)
        .impactDomain(ImpactDomain.FINANCIAL_SERVICES)
        .affectedPopulation(
            AffectedPopulation.of(
                PopulationScale.LARGE,
                Vulnerability.POTENTIALLY_VULNERABLE,
                "Retail loan applicants in the EU"))
        .humanOversight(HumanOversightMode.HUMAN_IN_THE_LOOP)
        .addModels(
            ModelVersion.of("credit-gbm", "2.3.1"),
            ModelVersion.builder()
                .name("income-extractor")
                .version("2024-06")
                .supplier("DocuRead Ltd")
                .build())
        .addDataSources(
            DataSource.builder()
                .name("loan-history")
                .kind(DataSourceKind.TRAINING)
                .provenance("Core banking system, loans 2015-2023")
                .containsPersonalData(true)
                .build())
        .addSuppliers("DocuRead Ltd")
        .owner("Head of Credit Risk")
        .status(SystemStatus.IN_OPERATION)
        .build();
  }

  @Test
  void builder_buildsValidRecord() {
    AiSystem system = RecordValidator.validate(example(), "AiSystem 'credit-scoring'");
    assertThat(system.isProvider()).isTrue();
    assertThat(system.isUser()).isTrue();
    assertThat(system.registerGaps()).isEmpty();
    assertThat(system.isRegisterComplete()).isTrue();
  }

  @Test
  void roleHelpers_followRoles() {
    AiSystem user = creditScoring().roles(Set.of(AiRole.AI_CUSTOMER)).build();
    assertThat(user.isProvider()).isFalse();
    assertThat(user.isUser()).isTrue();
    AiSystem producer = creditScoring().roles(Set.of(AiRole.AI_PRODUCER)).build();
    assertThat(producer.isProvider()).isFalse();
    assertThat(producer.isUser()).isFalse();
  }

  @Test
  void build_rejectsEveryFieldViolationOfThePartsAtOnce() {
    assertThat(
            rejected(
                () -> AffectedPopulation.of(PopulationScale.SMALL, Vulnerability.VULNERABLE, " ")))
        .extracting(Violation::path)
        .containsExactly("description");
    assertThat(rejected(() -> ModelVersion.builder().name("m").version(" ").supplier("").build()))
        .extracting(Violation::path)
        .containsExactly("supplier", "version");
    assertThat(
            rejected(
                () ->
                    DataSource.builder()
                        .name("")
                        .kind(DataSourceKind.TEST)
                        .provenance("\t")
                        .containsPersonalData(false)
                        .build()))
        .extracting(Violation::path)
        .containsExactly("name", "provenance");
  }

  @Test
  void build_rejectsEveryFieldViolationAtOnce() {
    assertThatThrownBy(
            () ->
                creditScoring()
                    .id("Credit Scoring!")
                    .name(" ")
                    .intendedPurpose("")
                    .roles(Set.of())
                    .owner("")
                    .suppliers(List.of("ok", " "))
                    .build())
        .isInstanceOfSatisfying(
            InvalidRecordException.class,
            e -> {
              assertThat(e.violations())
                  .extracting(Violation::path)
                  .containsExactly(
                      "id",
                      "intendedPurpose",
                      "name",
                      "owner",
                      "roles",
                      "suppliers[].<iterable element>");
              assertThat(e.violations())
                  .filteredOn(v -> v.path().equals("id"))
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.constraint()).isEqualTo("Pattern");
                        assertThat(v.value()).isEqualTo("'Credit Scoring!'");
                      });
              assertThat(e.getMessage())
                  .startsWith("AiSystem 'Credit Scoring!' is invalid (6 violations)");
            });
  }

  @Test
  void build_reportsFieldViolationsTogetherWithBrokenInvariants() {
    assertThat(rejected(() -> creditScoring().owner(" ").status(SystemStatus.RETIRED).build()))
        .extracting(Violation::path, Violation::constraint)
        .containsExactly(tuple("lifecycleStage", "StageMatchesStatus"), tuple("owner", "NotBlank"));
  }

  @Test
  void check_rejectsStageThatContradictsStatus() {
    assertThatThrownBy(() -> creditScoring().status(SystemStatus.RETIRED).build())
        .isInstanceOf(InvalidRecordException.class)
        .hasMessage(
            "AiSystem 'credit-scoring' is invalid (1 violation):\n"
                + "  - lifecycleStage: does not go with status RETIRED (allowed: [RETIREMENT])"
                + " (StageMatchesStatus, value: 'OPERATION_AND_MONITORING')");
  }

  @Test
  void check_reportsEveryBrokenInvariantAtOnce() {
    DataSource d = example().dataSources().get(0);
    assertThat(
            rejected(
                () ->
                    creditScoring()
                        .status(SystemStatus.PLANNED)
                        .models(List.of(ModelVersion.of("gbm", "1"), ModelVersion.of("gbm", "1")))
                        .dataSources(List.of(d, d))
                        .build()))
        .extracting(Violation::path, Violation::constraint, Violation::value)
        .containsExactly(
            tuple("dataSources[1].name", "Unique", "'loan-history'"),
            tuple("lifecycleStage", "StageMatchesStatus", "'OPERATION_AND_MONITORING'"),
            tuple("models[1]", "Unique", "'gbm 1'"));
  }

  @Test
  void builder_rejectsMissingAttributeNamingIt() {
    assertThatThrownBy(() -> AiSystem.builder().id("x").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name")
        .hasMessageContaining("owner");
  }

  @Test
  void registerGaps_listsWhatIsMissing() {
    AiSystem thin =
        creditScoring()
            .roles(Set.of(AiRole.AI_CUSTOMER))
            .models(
                List.of(ModelVersion.builder().name("llm").version("4").supplier("Acme").build()))
            .dataSources(List.of())
            .suppliers(List.of())
            .build();
    assertThat(thin.registerGaps())
        .containsExactly(
            RegisterGap.NO_DATA_SOURCES,
            RegisterGap.NO_SUPPLIERS,
            RegisterGap.MODEL_SUPPLIER_NOT_LISTED);
    assertThat(AiSystem.builder().from(thin).models(List.of()).build().registerGaps())
        .containsExactly(
            RegisterGap.NO_MODELS, RegisterGap.NO_DATA_SOURCES, RegisterGap.NO_SUPPLIERS);
    assertThat(RegisterGap.NO_SUPPLIERS.control()).isEqualTo("A.10.3");
    assertThat(thin.isRegisterComplete()).isFalse();
  }

  @Test
  void json_roundTripsAndOmitsHelpers() throws Exception {
    String json = AimsJson.mapper().writeValueAsString(example());
    assertThat(json)
        .contains("\"id\":\"credit-scoring\"")
        .contains("\"supplier\":\"DocuRead Ltd\"")
        .doesNotContain("provider\":")
        .doesNotContain("registerGaps")
        .doesNotContain("registerComplete");
    assertThat(AimsJson.mapper().readValue(json, AiSystem.class)).isEqualTo(example());
  }

  @Test
  void json_rejectsUnknownField() throws Exception {
    String json = AimsJson.mapper().writeValueAsString(example()).replace("\"owner\"", "\"ownr\"");
    assertThatThrownBy(() -> AimsJson.mapper().readValue(json, AiSystem.class))
        .isInstanceOf(UnrecognizedPropertyException.class)
        .hasMessageContaining("ownr");
  }

  @Test
  void json_rejectsDuplicateKey() throws Exception {
    String json =
        AimsJson.mapper()
            .writeValueAsString(example())
            .replace("{\"id\":\"credit-scoring\"", "{\"id\":\"credit-scoring\",\"id\":\"other\"");
    assertThatThrownBy(() -> AimsJson.mapper().readValue(json, AiSystem.class))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("Duplicate field 'id'");
  }

  @Test
  void json_rejectsContradictionWithCheckMessage() throws Exception {
    String json =
        AimsJson.mapper().writeValueAsString(example()).replace("\"IN_OPERATION\"", "\"PLANNED\"");
    assertThatThrownBy(() -> AimsJson.mapper().readValue(json, AiSystem.class))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("does not go with status PLANNED");
  }

  @Test
  void systemStatus_admitsOnlyMatchingStages() {
    assertThat(SystemStatus.PLANNED.stages()).containsExactly(LifecycleStage.INCEPTION);
    assertThat(SystemStatus.IN_OPERATION.admits(LifecycleStage.DESIGN_AND_DEVELOPMENT)).isFalse();
    for (LifecycleStage stage : LifecycleStage.values()) {
      assertThat(SystemStatus.values()).anyMatch(s -> s.admits(stage));
    }
  }
}
