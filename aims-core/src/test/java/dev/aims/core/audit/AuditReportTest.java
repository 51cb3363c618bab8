package dev.aims.core.audit;

import static dev.aims.core.testing.CommonGen.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aims.core.json.AimsJson;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.RecordValidator;
import dev.aims.core.validation.Violation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditReportTest {
  static AuditFinding finding(String id, FindingSeverity severity, String... references) {
    return AuditFinding.builder()
        .id(id)
        .severity(severity)
        .description("Event logs of the scoring service are kept for 30 days only")
        .addReferences(references)
        .evidence("Log retention setting in the production configuration")
        .build();
  }

  static AuditReport example() {
    return AuditReport.builder()
        .id("IAR-2026-1")
        .plannedAuditId("IA-2026-1")
        .scope("Operation and monitoring of the credit scoring service")
        .addCriteria("ISO/IEC 42001:2023")
        .startDate(LocalDate.of(2026, 3, 10))
        .endDate(LocalDate.of(2026, 3, 11))
        .reportDate(LocalDate.of(2026, 3, 20))
        .leadAuditor("A. Moreau")
        .addAuditTeam("J. Berg")
        .addFindings(
            AuditFinding.builder()
                .from(finding("F1", FindingSeverity.MINOR_NONCONFORMITY, "A.6.2.8", "9.1"))
                .nonconformityId("NC-2026-004")
                .build(),
            finding("F2", FindingSeverity.OPPORTUNITY_FOR_IMPROVEMENT, "A.6.2.6"))
        .conclusion("The AIMS conforms, with one minor nonconformity")
        .build();
  }

  @Test
  void nonconformities_areTheNonconformityFindings() {
    AuditReport report = RecordValidator.validate(example(), "AuditReport");
    assertThat(report.nonconformities()).extracting(AuditFinding::id).containsExactly("F1");
    assertThat(report.findingsOf(FindingSeverity.OPPORTUNITY_FOR_IMPROVEMENT))
        .extracting(AuditFinding::id)
        .containsExactly("F2");
    assertThat(FindingSeverity.OBSERVATION.isNonconformity()).isFalse();
  }

  @Test
  void check_rejectsDatesOutOfOrderAndRepeatedFindingIds() {
    AuditFinding f = finding("F1", FindingSeverity.OBSERVATION, "9.2.2");
    assertThat(
            rejected(
                () ->
                    AuditReport.builder()
                        .from(example())
                        .endDate(LocalDate.of(2026, 3, 9))
                        .reportDate(LocalDate.of(2026, 3, 8))
                        .findings(List.of(f, f))
                        .build()))
        .extracting(Violation::path, Violation::value)
        .containsExactly(
            tuple("endDate", "'2026-03-09'"),
            tuple("findings[1].id", "'F1'"),
            tuple("reportDate", "'2026-03-08'"));
  }

  @Test
  void finding_rejectsUnknownIdsAndMisplacedNonconformityLink() {
    assertThatThrownBy(
            () ->
                AuditFinding.builder()
                    .from(finding("F9", FindingSeverity.OBSERVATION, "A.6.2.8"))
                    .references(List.of("A.4.1", "9.3.4"))
                    .nonconformityId("NC-1")
                    .build())
        .isInstanceOfSatisfying(
            InvalidRecordException.class,
            e -> {
              assertThat(e.violations())
                  .extracting(Violation::path, Violation::constraint)
                  .containsExactly(
                      tuple("nonconformityId", "OnlyForNonconformity"),
                      tuple("references[0]", "AnnexAControl"),
                      tuple("references[1]", "Clause"));
              assertThat(e.violations().get(1).message()).contains("nearest: A.4.2");
              assertThat(e.getMessage()).startsWith("AuditFinding 'F9' is invalid (3 violations)");
            });
  }

  @Test
  void build_rejectsFieldViolationsOfTheReportAndOfEachFinding() {
    assertThat(
            rejected(
                () ->
                    AuditFinding.builder()
                        .id("F 1")
                        .severity(FindingSeverity.OBSERVATION)
                        .description("")
                        .build()))
        .extracting(Violation::path)
        .containsExactly("description", "id", "references");
    assertThat(
            rejected(
                () ->
                    AuditReport.builder()
                        .from(example())
                        .leadAuditor("")
                        .criteria(List.of())
                        .build()))
        .extracting(Violation::path)
        .containsExactly("criteria", "leadAuditor");
  }

  @Test
  void json_rejectsBadFindingWithItsMessage() throws Exception {
    String json =
        AimsJson.mapper().writeValueAsString(example()).replace("\"A.6.2.6\"", "\"A.6.2.1\"");
    assertThatThrownBy(() -> AimsJson.mapper().readValue(json, AuditReport.class))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("AuditFinding 'F2' is invalid")
        .hasMessageContaining("nearest: A.6.2.2");
  }
}
