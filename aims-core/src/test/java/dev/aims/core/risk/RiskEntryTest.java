package dev.aims.core.risk;

import static dev.aims.core.testing.CommonGen.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.core.json.AimsJson;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.RecordValidator;
import dev.aims.core.validation.Violation;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RiskEntryTest {
  static RiskEntry.Builder valid() {
    return RiskEntry.builder()
        .id("R-001")
        .systemId("credit-scoring")
        .category(RiskCategory.DATA)
        .riskSource("C.3.4")
        .description("Training data under-represents young applicants")
        .inherent(RiskRating.of(4, 4))
        .residual(RiskRating.of(2, 4))
        .treatment(RiskTreatment.MODIFY_SYSTEM)
        .addControls("A.7.4", "A.6.2.4")
        .owner("Head of Credit Risk")
        .reviewDate(LocalDate.of(2026, 6, 30));
  }

  @Test
  void build_acceptsValidEntry() {
    RiskEntry entry = valid().build();
    assertThat(entry.controls()).containsExactly("A.7.4", "A.6.2.4");
    assertThat(entry.residual().exceedsOnEitherAxis(entry.inherent())).isFalse();
  }

  @Test
  void build_rejectsResidualAboveInherentWithoutJustification() {
    assertThatThrownBy(() -> valid().residual(RiskRating.of(4, 5)).build())
        .isInstanceOfSatisfying(
            InvalidRecordException.class,
            e -> {
              assertThat(e.violations())
                  .extracting(Violation::path)
                  .containsExactly("justification");
              assertThat(e.getMessage())
                  .contains("RiskEntry 'R-001'")
                  .contains("likelihood 4, severity 5")
                  .contains("likelihood 4, severity 4");
            });
  }

  @Test
  void build_acceptsResidualAboveInherentWithJustification() {
    RiskEntry entry =
        valid()
            .residual(RiskRating.of(5, 4))
            .justification("New data source raises the likelihood until retraining")
            .build();
    assertThat(entry.justification()).isPresent();
  }

  @Test
  void build_rejectsUnknownControlNamingIndexValueAndNearest() {
    assertThatThrownBy(() -> valid().addControls("A.6.9").build())
        .isInstanceOfSatisfying(
            InvalidRecordException.class,
            e -> {
              Violation v = e.violations().get(0);
              assertThat(v.path()).isEqualTo("controls[2]");
              assertThat(v.value()).isEqualTo("'A.6.9'");
              assertThat(v.message()).contains("not an Annex A control").contains("nearest:");
            });
  }

  @Test
  void build_rejectsDuplicateControl() {
    assertThatThrownBy(() -> valid().addControls("a.7.4").build())
        .isInstanceOfSatisfying(
            InvalidRecordException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path)
                    .containsExactly("controls[2]"));
  }

  @Test
  void build_rejectsUnknownRiskSource() {
    assertThatThrownBy(() -> valid().riskSource("C.3.9").build())
        .isInstanceOfSatisfying(
            InvalidRecordException.class,
            e -> {
              assertThat(e.violations()).extracting(Violation::path).containsExactly("riskSource");
              assertThat(e.violations().get(0).value()).isEqualTo("'C.3.9'");
            });
  }

  @Test
  void build_reportsEveryInvariantAtOnce() {
    assertThatThrownBy(
            () ->
                valid()
                    .riskSource("C.2.1")
                    .addControls("A.99", "A.7.4")
                    .residual(RiskRating.of(5, 5))
                    .build())
        .isInstanceOfSatisfying(
            InvalidRecordException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path)
                    .containsExactly("controls[2]", "controls[3]", "justification", "riskSource"));
  }

  @Test
  void build_rejectsFieldViolations() {
    assertThat(rejected(() -> valid().id("bad id").owner(" ").systemId("Credit Scoring").build()))
        .extracting(Violation::path)
        .containsExactly("id", "owner", "systemId");
    assertThat(RecordValidator.violations(valid().build())).isEmpty();
  }

  @Test
  void acceptance_rejectsBlankApprover() {
    assertThat(
            rejected(
                () ->
                    RiskAcceptance.builder()
                        .acceptedBy("Head of Credit Risk")
                        .approver(" ")
                        .acceptedOn(LocalDate.of(2026, 1, 10))
                        .expiresOn(LocalDate.of(2026, 12, 31))
                        .rating(RiskRating.of(2, 4))
                        .build()))
        .extracting(Violation::path)
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("approver");
  }

  @Test
  void json_roundTrips() throws Exception {
    RiskEntry entry =
        valid()
            .acceptance(
                RiskAcceptance.builder()
                    .acceptedBy("Head of Credit Risk")
                    .approver("Chief Risk Officer")
                    .acceptedOn(LocalDate.of(2026, 1, 10))
                    .expiresOn(LocalDate.of(2026, 12, 31))
                    .rating(RiskRating.of(2, 4))
                    .build())
            .build();
    String json = AimsJson.mapper().writeValueAsString(entry);
    assertThat(json).contains("\"reviewDate\":\"2026-06-30\"").contains("\"riskSource\":\"C.3.4\"");
    assertThat(AimsJson.mapper().readValue(json, RiskEntry.class)).isEqualTo(entry);
  }
}
