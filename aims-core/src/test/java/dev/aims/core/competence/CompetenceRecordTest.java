package dev.aims.core.competence;

import static dev.aims.core.testing.CommonGen.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.core.json.AimsJson;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.RecordValidator;
import dev.aims.core.validation.Violation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompetenceRecordTest {
  static CompetenceEvidence course() {
    return CompetenceEvidence.builder()
        .kind(EvidenceKind.TRAINING)
        .description("Model risk management course, 3 days")
        .obtainedOn(LocalDate.of(2025, 5, 12))
        .validUntil(LocalDate.of(2027, 5, 11))
        .build();
  }

  static CompetenceRecord example() {
    return CompetenceRecord.builder()
        .id("CR-017")
        .person("J. Berg")
        .role("Model validator")
        .addRequiredCompetences("Statistical model validation", "Fairness testing")
        .addEvidence(
            course(),
            CompetenceEvidence.builder()
                .kind(EvidenceKind.EXPERIENCE)
                .description("Four years validating credit models")
                .build())
        .assessedOn(LocalDate.of(2026, 1, 15))
        .assessedBy("Chief Risk Officer")
        .competent(true)
        .build();
  }

  @Test
  void expiredEvidence_comparesValidUntilWithToday() {
    CompetenceRecord r = RecordValidator.validate(example(), "CompetenceRecord");
    assertThat(r.expiredEvidence(LocalDate.of(2027, 5, 11))).isEmpty();
    assertThat(r.expiredEvidence(LocalDate.of(2027, 5, 12))).containsExactly(course());
  }

  @Test
  void check_competentNeedsEvidenceAndNotCompetentNeedsAction() {
    assertThatThrownBy(() -> CompetenceRecord.builder().from(example()).evidence(List.of()).build())
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("evidence: a person found competent needs evidence of it");
    assertThatThrownBy(() -> CompetenceRecord.builder().from(example()).competent(false).build())
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("actions: a person found not competent needs an action")
        .hasMessageContaining("(RequiredWhenNotCompetent, value: '[]')");
  }

  @Test
  void evidence_rejectsExpiryBeforeObtained() {
    assertThatThrownBy(
            () ->
                CompetenceEvidence.builder()
                    .from(course())
                    .validUntil(LocalDate.of(2025, 5, 11))
                    .build())
        .hasMessageContaining(
            "validUntil: must not be before obtainedOn (2025-05-12) (DateOrder, value:"
                + " '2025-05-11')");
  }

  @Test
  void build_rejectsFieldViolations() {
    assertThat(rejected(() -> CompetenceEvidence.builder().from(course()).description(" ").build()))
        .extracting(Violation::path)
        .containsExactly("description");
    assertThat(
            rejected(
                () ->
                    CompetenceRecord.builder()
                        .from(example())
                        .person("")
                        .requiredCompetences(List.of())
                        .build()))
        .extracting(Violation::path)
        .containsExactly("person", "requiredCompetences");
  }

  @Test
  void json_roundTrips() throws Exception {
    String json = AimsJson.mapper().writeValueAsString(example());
    assertThat(AimsJson.mapper().readValue(json, CompetenceRecord.class)).isEqualTo(example());
  }
}
