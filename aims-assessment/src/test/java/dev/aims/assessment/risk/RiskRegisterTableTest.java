package dev.aims.assessment.risk;

import static dev.aims.assessment.risk.Risks.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.core.records.AimsRecords;
import dev.aims.core.records.Organisation;
import dev.aims.core.risk.RiskCriteria;
import dev.aims.core.risk.RiskLevel;
import dev.aims.core.risk.RiskRating;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RiskRegisterTableTest {
  private static AimsRecords register(dev.aims.core.risk.RiskEntry... risks) {
    return AimsRecords.builder()
        .organisation(
            Organisation.builder()
                .name("Northwind Bank")
                .riskCriteria(
                    RiskCriteria.builder()
                        .maxAcceptableLevel(RiskLevel.MEDIUM)
                        .addAcceptanceAuthorities("Chief Risk Officer")
                        .build())
                .build())
        .risks(List.of(risks))
        .build();
  }

  @Test
  void rows_areSortedByResidualLevelHighestFirst_outsideTheMatrixFirstOfAll() {
    RiskRegisterTable t =
        RiskRegisterTable.of(
            register(
                Risks.entry("R-1", 1, 2).build(),
                Risks.entry("R-2", 4, 5).build(),
                Risks.entry("R-3", 3, 3).build(),
                Risks.entry("R-4", 6, 4).build(),
                Risks.entry("R-5", 3, 4).build(),
                Risks.entry("R-6", 4, 4).build()),
            TODAY);
    assertThat(t.rows())
        .extracting(RiskRegisterTable.Row::id)
        .containsExactly("R-4", "R-2", "R-6", "R-5", "R-3", "R-1");
    assertThat(t.rows())
        .extracting(r -> r.residual().text())
        .containsExactly(
            "6×4 outside the matrix",
            "4×5=20 CRITICAL",
            "4×4=16 HIGH",
            "3×4=12 HIGH",
            "3×3=9 MEDIUM",
            "1×2=2 LOW");
    assertThat(t.matrix()).isEqualTo("default 5x5");
    assertThat(t.maxAcceptableLevel()).isEqualTo("MEDIUM");
  }

  @Test
  void rows_carryEveryColumnOfTheRegister() {
    RiskRegisterTable.Row r =
        RiskRegisterTable.of(
                register(Risks.entry("R-1", 4, 4).residual(RiskRating.of(2, 4)).build()), TODAY)
            .rows()
            .get(0);
    assertThat(r.systemId()).isEqualTo("credit-scoring");
    assertThat(r.category()).isEqualTo("MODEL");
    assertThat(r.riskSource()).isEqualTo("C.3.4");
    assertThat(r.inherent().score()).contains(16);
    assertThat(r.inherent().level()).contains("HIGH");
    assertThat(r.treatment()).isEqualTo("ACCEPT_WITH_MONITORING");
    assertThat(r.controls()).containsExactly("A.6.2.6");
    assertThat(r.residual().level()).contains("MEDIUM");
    assertThat(r.owner()).isEqualTo("Head of Credit Risk");
    assertThat(r.reviewDate()).isEqualTo(TODAY.plusMonths(3));
    assertThat(r.acceptance()).isEqualTo("Within criteria (up to MEDIUM)");
    assertThat(r.acceptable()).isTrue();
  }

  @Test
  void acceptance_isJudgedOnTheDay() {
    AimsRecords records =
        register(
            Risks.entry("R-ok", 4, 4)
                .acceptance(Risks.acceptance(4, 4).approver("Chief Risk Officer").build())
                .build(),
            Risks.entry("R-none", 4, 4).build(),
            Risks.entry("R-noapprover", 4, 4).acceptance(Risks.acceptance(4, 4).build()).build(),
            Risks.entry("R-wrong", 4, 4)
                .acceptance(Risks.acceptance(3, 4).approver("Chief Risk Officer").build())
                .build());
    RiskRegisterTable t = RiskRegisterTable.of(records, TODAY);
    assertThat(row(t, "R-ok").acceptance())
        .isEqualTo(
            "Accepted by Head of Credit Risk, approved by Chief Risk Officer on "
                + TODAY.minusMonths(2)
                + " until "
                + TODAY.plusMonths(10));
    assertThat(row(t, "R-ok").acceptable()).isTrue();
    assertThat(row(t, "R-none").acceptance())
        .isEqualTo("Not accepted: above MEDIUM (Clause 6.1.3)");
    assertThat(row(t, "R-none").acceptable()).isFalse();
    assertThat(row(t, "R-noapprover").acceptance()).endsWith("(not valid: no approver)");
    assertThat(row(t, "R-wrong").acceptance()).contains("not the residual rating");
    assertThat(row(t, "R-wrong").acceptable()).isFalse();
    RiskRegisterTable low =
        RiskRegisterTable.of(
            register(Risks.entry("R-low", 2, 2).acceptance(Risks.acceptance(2, 2).build()).build()),
            TODAY);
    assertThat(row(low, "R-low").acceptance())
        .startsWith("Within criteria (up to MEDIUM); accepted by Head of Credit Risk on ")
        .endsWith("(not valid: no approver)");
    assertThat(row(low, "R-low").acceptable()).isTrue();

    RiskRegisterTable expired = RiskRegisterTable.of(records, TODAY.plusMonths(11));
    assertThat(row(expired, "R-ok").acceptance()).endsWith("(not valid: expired)");
    assertThat(row(expired, "R-ok").acceptable()).isFalse();

    // Read before the acceptance was made, the risk was not accepted.
    RiskRegisterTable before = RiskRegisterTable.of(records, TODAY.minusMonths(3));
    assertThat(row(before, "R-ok").acceptance()).startsWith("Not accepted");
  }

  @Test
  void outsideTheMatrix_hasNoScoreOrLevel() {
    RiskRegisterTable.Row r =
        RiskRegisterTable.of(register(Risks.entry("R-1", 6, 4).build()), TODAY).rows().get(0);
    assertThat(r.residual().score()).isEqualTo(Optional.empty());
    assertThat(r.residual().level()).isEmpty();
    assertThat(r.acceptable()).isFalse();
  }

  private static RiskRegisterTable.Row row(RiskRegisterTable t, String id) {
    return t.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }
}
