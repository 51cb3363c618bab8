package dev.aims.audit.report.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.assessment.risk.RiskMatrix;
import dev.aims.assessment.risk.RiskRegisterTable;
import dev.aims.assessment.risk.RiskScore;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RiskTextTest {
  @Test
  void score_onTheDefaults_saysWhyAHighLevelNeedsAnApprover() {
    assertThat(
            RiskText.score(RiskScore.onDefaults(4, 4), RiskMatrix.defaultMatrix(), Optional.empty())
                .lines())
        .containsExactly(
            "Risk score on the default 5x5 matrix (Clause 6.1.2)",
            "  likelihood  4  Likely",
            "  severity    4  Major",
            "  score       16  (likelihood x severity)",
            "  level       HIGH",
            "  band        HIGH 10-16",
            "  acceptable  no: the default criteria accept up to MEDIUM; accepting HIGH needs an"
                + " approver (Clause 6.1.3)");
  }

  @Test
  void score_accepted_hasNoApproverClause() {
    assertThat(
            RiskText.score(
                RiskScore.onDefaults(1, 2), RiskMatrix.defaultMatrix(), Optional.empty()))
        .contains(
            "  acceptable  yes: the default criteria accept up to MEDIUM" + System.lineSeparator())
        .doesNotContain("approver");
  }

  @Test
  void register_wrapsControlsAndAcceptance_andCountsOneRisk() {
    RiskRegisterTable t =
        new RiskRegisterTable(
            "Acme",
            LocalDate.of(2026, 3, 31),
            "default 5x5",
            "MEDIUM",
            List.of(
                new RiskRegisterTable.Row(
                    "R-1",
                    "credit",
                    "fairness",
                    "data",
                    "biased outcomes",
                    new RiskRegisterTable.Rating(4, 4, Optional.of(16), Optional.of("HIGH")),
                    "MITIGATE",
                    List.of("A.7.4", "A.6.2.4", "A.9.3"),
                    new RiskRegisterTable.Rating(2, 2, Optional.of(4), Optional.of("LOW")),
                    "cro",
                    LocalDate.of(2026, 9, 30),
                    "acceptable without approval",
                    true)));
    assertThat(RiskText.register(t).lines())
        .containsExactly(
            "AI risk register of Acme as of 2026-03-31: 1 risk on the default 5x5 matrix, criteria"
                + " accept up to MEDIUM; highest residual level first",
            "",
            "ID   System  Category  Source  Inherent     Treatment  Controls         Residual   Owner"
                + "  Review      Acceptance",
            "---  ------  --------  ------  -----------  ---------  ---------------  ---------  -----"
                + "  ----------  ---------------------------",
            "R-1  credit  fairness  data    4×4=16 HIGH  MITIGATE   A.7.4, A.6.2.4,  2×2=4 LOW  cro  "
                + "  2026-09-30  acceptable without approval",
            "                                                       A.9.3");
  }
}
