package dev.aims.core.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.aims.core.improvement.Nonconformity;
import dev.aims.core.json.AimsJson;
import dev.aims.core.validation.InvalidRecordException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The code of the README's "Records" section, so that it compiles and does what the README says;
 * the error messages the README shows are checked against the README itself when it is present.
 */
class RecordsReadmeTest {
  private static final Path README = Path.of("../README.md");

  static AiSystem buildInCode() {
    AiSystem system =
        AiSystem.builder()
            .id("credit-scoring")
            .name("Retail credit scoring")
            .intendedPurpose("Score retail loan applications for the credit officer")
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
            .addModels(ModelVersion.of("credit-gbm", "2.3.1"))
            .owner("Head of Credit Risk")
            .status(SystemStatus.IN_OPERATION)
            .build(); // checks constraints and invariants
    return system;
  }

  static final String NONCONFORMITY_JSON =
      """
      {
        "id": "NC-2026-004",
        "source": "INTERNAL_AUDIT",
        "sourceId": "IAR-2026-1",
        "description": "Scoring service event logs are kept 30 days; the log policy says 2 years",
        "references": ["A.6.2.8", "7.5.3"],
        "systemIds": ["credit-scoring"],
        "raisedOn": "2026-03-20",
        "raisedBy": "Internal audit",
        "status": "ACTIONS_IN_PROGRESS"
      }
      """;

  @Test
  void buildInCode_givesAValidSystemWithRegisterGaps() {
    AiSystem system = buildInCode();
    assertThat(system.isProvider()).isTrue();
    assertThat(system.registerGaps())
        .containsExactly(RegisterGap.NO_DATA_SOURCES, RegisterGap.NO_SUPPLIERS);
  }

  @Test
  void readFromJson_givesTheRecord() throws Exception {
    Nonconformity nc = AimsJson.mapper().readValue(NONCONFORMITY_JSON, Nonconformity.class);
    assertThat(nc.references()).containsExactly("A.6.2.8", "7.5.3");
    assertThat(nc.correction()).isEmpty();
    assertThat(nc.closedOn()).isEmpty();
  }

  @Test
  void invariantError_isTheOneTheReadmeShows() throws Exception {
    String json = NONCONFORMITY_JSON.replace("\"A.6.2.8\"", "\"A.6.2.1\"");
    ValueInstantiationException e =
        catchThrowableOfType(
            () -> AimsJson.mapper().readValue(json, Nonconformity.class),
            ValueInstantiationException.class);
    assertThat(e.getCause()).isInstanceOf(InvalidRecordException.class);
    assertThat(e.getCause().getMessage())
        .isEqualTo(
            "Nonconformity 'NC-2026-004' is invalid (1 violation):\n"
                + "  - references[0]: not an Annex A control of ISO/IEC 42001:2023; nearest:"
                + " A.6.2.2, A.6.2.3, A.6.2.4 (AnnexAControl, value: 'A.6.2.1')");
    assertReadmeShows(e.getCause().getMessage());
  }

  @Test
  void validationError_isTheOneTheReadmeShows() {
    InvalidRecordException e =
        catchThrowableOfType(
            () ->
                AiSystem.builder()
                    .from(buildInCode())
                    .id("Credit Scoring")
                    .owner(" ")
                    .roles(List.of())
                    .status(SystemStatus.RETIRED)
                    .build(),
            InvalidRecordException.class);
    assertThat(e.getMessage())
        .isEqualTo(
            "AiSystem 'Credit Scoring' is invalid (4 violations):\n"
                + "  - id: must match \"[a-z0-9][a-z0-9._-]{0,63}\" (Pattern, value: 'Credit"
                + " Scoring')\n"
                + "  - lifecycleStage: does not go with status RETIRED (allowed: [RETIREMENT])"
                + " (StageMatchesStatus, value: 'OPERATION_AND_MONITORING')\n"
                + "  - owner: must not be blank (NotBlank, value: ' ')\n"
                + "  - roles: must not be empty (NotEmpty, value: '[]')");
    assertReadmeShows(e.getMessage());
  }

  private static void assertReadmeShows(String message) {
    assertThat(README).as("README.md at the repository root").exists();
    try {
      assertThat(Files.readString(README, StandardCharsets.UTF_8)).contains(message);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
