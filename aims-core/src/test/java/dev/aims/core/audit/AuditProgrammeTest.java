package dev.aims.core.audit;

import static dev.aims.core.testing.CommonGen.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.aims.core.json.AimsJson;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.RecordValidator;
import dev.aims.core.validation.Violation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditProgrammeTest {
  static PlannedAudit audit(String id, LocalDate planned) {
    return PlannedAudit.builder()
        .id(id)
        .scope("Risk management and impact assessment of the credit scoring service")
        .addCriteria("ISO/IEC 42001:2023", "AI risk management procedure v3")
        .addReferences("6.1.2", "8.2", "A.5.2")
        .plannedDate(planned)
        .leadAuditor("Internal audit, A. Moreau")
        .build();
  }

  static AuditProgramme example() {
    return AuditProgramme.builder()
        .id("IAP-2026")
        .periodStart(LocalDate.of(2026, 1, 1))
        .periodEnd(LocalDate.of(2026, 12, 31))
        .owner("Head of Internal Audit")
        .approach(
            "Each clause and each applicable control once a year; auditors never audit own work")
        .addAudits(
            audit("IA-2026-1", LocalDate.of(2026, 3, 10)),
            audit("IA-2026-2", LocalDate.of(2026, 9, 15)))
        .build();
  }

  @Test
  void builder_buildsValidProgramme() {
    AuditProgramme p = RecordValidator.validate(example(), "AuditProgramme");
    assertThat(p.audit("IA-2026-2"))
        .map(PlannedAudit::plannedDate)
        .contains(LocalDate.of(2026, 9, 15));
    assertThat(p.audit("IA-2027-1")).isEmpty();
  }

  @Test
  void check_rejectsPeriodOrderRepeatedIdsAndAuditsOutsidePeriod() {
    assertThat(
            rejected(
                () ->
                    AuditProgramme.builder()
                        .from(example())
                        .periodEnd(LocalDate.of(2026, 6, 30))
                        .audits(
                            List.of(
                                audit("IA-1", LocalDate.of(2026, 3, 1)),
                                audit("IA-1", LocalDate.of(2026, 7, 1))))
                        .build()))
        .extracting(Violation::path, Violation::constraint, Violation::value)
        .containsExactly(
            tuple("audits[1].id", "Unique", "'IA-1'"),
            tuple("audits[1].plannedDate", "WithinPeriod", "'2026-07-01'"));
    assertThatThrownBy(
            () ->
                AuditProgramme.builder()
                    .from(example())
                    .periodEnd(LocalDate.of(2025, 12, 31))
                    .audits(List.of())
                    .build())
        .hasMessageContaining(
            "periodEnd: must not be before periodStart (2026-01-01) (DateOrder, value: '2025-12-31')");
  }

  @Test
  void plannedAudit_rejectsUnknownClause() {
    assertThatThrownBy(
            () ->
                PlannedAudit.builder()
                    .from(audit("IA-1", LocalDate.of(2026, 1, 1)))
                    .references(List.of("9.4"))
                    .build())
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("references[0]: not a clause (4 to 10) or Annex A control")
        .hasMessageContaining("value: '9.4'");
  }

  @Test
  void build_rejectsFieldViolations() {
    assertThat(
            rejected(
                () ->
                    PlannedAudit.builder()
                        .from(audit("IA-1", LocalDate.of(2026, 2, 2)))
                        .scope(" ")
                        .criteria(List.of())
                        .leadAuditor("")
                        .build()))
        .extracting(Violation::path)
        .containsExactly("criteria", "leadAuditor", "scope");
    assertThat(rejected(() -> AuditProgramme.builder().from(example()).owner("").build()))
        .extracting(Violation::path)
        .containsExactly("owner");
  }

  @Test
  void json_roundTrips() throws Exception {
    String json = AimsJson.mapper().writeValueAsString(example());
    assertThat(json).contains("\"plannedDate\":\"2026-03-10\"");
    assertThat(AimsJson.mapper().readValue(json, AuditProgramme.class)).isEqualTo(example());
  }
}
