package dev.aims.assessment.risk;

import static dev.aims.assessment.risk.Risks.TODAY;
import static dev.aims.assessment.risk.Risks.acceptance;
import static dev.aims.assessment.risk.Risks.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.aims.core.records.AimsRecords;
import dev.aims.core.risk.RiskCriteria;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.risk.RiskLevel;
import dev.aims.core.risk.RiskRating;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskRegisterCheckTest {
  private final RiskRegisterCheck check = RiskRegisterCheck.defaults();

  private List<RiskFindingKind> kinds(RiskEntry... risks) {
    return check.check(List.of(risks), TODAY).stream().map(RiskFinding::kind).toList();
  }

  @Test
  void check_findsNothingInAnOrderlyRegister() {
    List<RiskFinding> findings =
        check.check(
            List.of(
                entry("R-1", 2, 2).build(),
                entry("R-2", 4, 4).acceptance(acceptance(4, 4).approver("CRO").build()).build(),
                entry("R-3", 3, 3).acceptance(acceptance(3, 3).build()).build()),
            TODAY);
    assertThat(findings).isEmpty();
    assertThat(RiskRegisterCheck.hasErrors(findings)).isFalse();
  }

  @Test
  void check_flagsAcceptanceBeyondCriteriaWithoutApproverAsError() {
    List<RiskFinding> findings =
        check.check(
            List.of(entry("R-1", 4, 4).acceptance(acceptance(4, 4).build()).build()), TODAY);
    assertThat(findings).hasSize(1);
    RiskFinding f = findings.get(0);
    assertThat(f.kind()).isEqualTo(RiskFindingKind.ACCEPTANCE_WITHOUT_APPROVER);
    assertThat(f.isError()).isTrue();
    assertThat(f.field()).isEqualTo("acceptance.approver");
    assertThat(f.value()).isEqualTo("empty");
    assertThat(f.message()).contains("HIGH").contains("up to MEDIUM");
    assertThat(f.kind().clause()).isEqualTo("6.1.3");
    assertThat(RiskRegisterCheck.hasErrors(findings)).isTrue();
  }

  @Test
  void check_flagsApproverTheCriteriaDoNotName() {
    RiskRegisterCheck strict =
        RiskRegisterCheck.of(
            RiskMatrix.defaultMatrix(),
            RiskCriteria.builder()
                .maxAcceptableLevel(RiskLevel.LOW)
                .addAcceptanceAuthorities("Chief Risk Officer")
                .build());
    List<RiskFinding> findings =
        strict.check(
            List.of(
                entry("R-1", 3, 3)
                    .acceptance(acceptance(3, 3).approver("Team lead").build())
                    .build(),
                entry("R-2", 3, 3)
                    .acceptance(acceptance(3, 3).approver("chief risk officer").build())
                    .build()),
            TODAY);
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.riskId()).isEqualTo("R-1");
              assertThat(f.kind()).isEqualTo(RiskFindingKind.APPROVER_NOT_AUTHORISED);
              assertThat(f.value()).isEqualTo("'Team lead'");
              assertThat(f.message()).contains("Chief Risk Officer");
            });
  }

  @Test
  void check_flagsStaleAcceptanceWhenResidualRatingChanged() {
    RiskEntry risk =
        entry("R-1", 4, 4)
            .residual(RiskRating.of(3, 4))
            .acceptance(acceptance(2, 4).approver("CRO").build())
            .build();
    List<RiskFinding> findings = check.check(List.of(risk), TODAY);
    assertThat(findings)
        .extracting(RiskFinding::kind)
        .containsExactly(RiskFindingKind.ACCEPTANCE_STALE);
    assertThat(findings.get(0).value()).isEqualTo("likelihood 2, severity 4");
    assertThat(findings.get(0).message()).contains("likelihood 3, severity 4, HIGH");
  }

  @Test
  void check_flagsExpiredAcceptanceFromTheDayAfterExpiry() {
    RiskEntry lastDay =
        entry("R-1", 2, 2).acceptance(acceptance(2, 2).expiresOn(TODAY).build()).build();
    RiskEntry expired =
        entry("R-2", 2, 2)
            .acceptance(acceptance(2, 2).expiresOn(TODAY.minusDays(1)).build())
            .build();
    assertThat(kinds(lastDay)).isEmpty();
    assertThat(kinds(expired)).containsExactly(RiskFindingKind.ACCEPTANCE_EXPIRED);
  }

  @Test
  void check_flagsOverdueReview() {
    assertThat(kinds(entry("R-1", 1, 1).reviewDate(TODAY).build())).isEmpty();
    List<RiskFinding> findings =
        check.check(List.of(entry("R-1", 1, 1).reviewDate(TODAY.minusDays(1)).build()), TODAY);
    assertThat(findings)
        .extracting(RiskFinding::kind)
        .containsExactly(RiskFindingKind.REVIEW_OVERDUE);
    assertThat(findings.get(0).value()).isEqualTo("2026-02-28");
    assertThat(findings.get(0).isError()).isFalse();
  }

  @Test
  void check_flagsResidualBeyondCriteriaThatNobodyAccepted() {
    assertThat(kinds(entry("R-1", 5, 5).build()))
        .containsExactly(RiskFindingKind.RESIDUAL_BEYOND_CRITERIA_NOT_ACCEPTED);
    assertThat(kinds(entry("R-1", 3, 3).build())).isEmpty();
  }

  @Test
  void check_flagsRatingsOutsideTheMatrixAndSkipsLevelChecks() {
    List<RiskFinding> findings =
        check.check(
            List.of(entry("R-1", 6, 2).acceptance(acceptance(6, 2).build()).build()), TODAY);
    assertThat(findings)
        .extracting(RiskFinding::field)
        .containsExactly("inherent", "residual", "acceptance.rating");
    assertThat(findings).allMatch(f -> f.kind() == RiskFindingKind.RATING_OUTSIDE_MATRIX);
    assertThat(findings.get(0).message()).contains("5 likelihood and 5 severity levels");
  }

  @Test
  void check_flagsDuplicateIdsAndOrdersFindingsByRiskThenKind() {
    List<RiskFinding> findings =
        check.check(
            List.of(
                entry("R-2", 1, 1).reviewDate(TODAY.minusDays(3)).build(),
                entry("R-1", 5, 5).reviewDate(TODAY.minusDays(3)).build(),
                entry("R-1", 1, 1).build()),
            TODAY);
    assertThat(findings)
        .extracting(f -> f.riskId() + " " + f.kind())
        .containsExactly(
            "R-1 DUPLICATE_ID",
            "R-1 RESIDUAL_BEYOND_CRITERIA_NOT_ACCEPTED",
            "R-1 REVIEW_OVERDUE",
            "R-2 REVIEW_OVERDUE");
    assertThat(findings.get(0).toString())
        .startsWith("ERROR R-1 id ('R-1')")
        .contains("Clause 6.1.2");
  }

  @Test
  void check_judgesBeyondCriteriaOnTodaysResidualLevelToo() {
    // Accepted at MEDIUM (within the criteria) without an approver, but the residual level is now
    // HIGH: the acceptance is beyond the criteria and needs an approver.
    RiskEntry risk =
        entry("R-1", 4, 4)
            .residual(RiskRating.of(4, 4))
            .acceptance(acceptance(3, 3).build())
            .build();
    List<RiskFinding> findings = check.check(List.of(risk), TODAY);
    assertThat(findings)
        .extracting(RiskFinding::kind)
        .containsExactly(
            RiskFindingKind.ACCEPTANCE_WITHOUT_APPROVER, RiskFindingKind.ACCEPTANCE_STALE);
    assertThat(findings.get(0).message())
        .contains("residual level HIGH (likelihood 4, severity 4)")
        .contains("accepted level MEDIUM (likelihood 3, severity 3)")
        .contains("up to MEDIUM");
  }

  @Test
  void unauthorisedAcceptances_nameThePathRiskApproverAndLevels() {
    RiskRegisterCheck strict =
        RiskRegisterCheck.of(
            RiskMatrix.defaultMatrix(),
            RiskCriteria.builder()
                .maxAcceptableLevel(RiskLevel.MEDIUM)
                .addAcceptanceAuthorities("Chief Risk Officer")
                .build());
    List<RiskEntry> risks =
        List.of(
            entry("R-1", 4, 4).acceptance(acceptance(4, 4).build()).build(),
            entry("R-2", 4, 4).acceptance(acceptance(4, 4).approver("Team lead").build()).build(),
            entry("R-3", 4, 4)
                .acceptance(acceptance(4, 4).approver("chief risk officer").build())
                .build(),
            entry("R-4", 3, 3).acceptance(acceptance(3, 3).build()).build(),
            entry("R-5", 4, 4).acceptance(acceptance(3, 3).build()).build(),
            entry("R-6", 3, 3).acceptance(acceptance(5, 5).build()).build(),
            entry("R-7", 6, 6).acceptance(acceptance(6, 6).build()).build(),
            entry("R-8", 5, 5).build());
    List<Violation> problems = strict.unauthorisedAcceptances(risks);
    assertThat(problems)
        .extracting(Violation::path, Violation::value)
        .containsExactly(
            tuple("risks[0].acceptance.approver", "empty"),
            tuple("risks[1].acceptance.approver", "'Team lead'"),
            tuple("risks[4].acceptance.approver", "empty"),
            tuple("risks[5].acceptance.approver", "empty"));
    assertThat(problems.get(0).message())
        .isEqualTo(
            "risk 'R-1' is accepted beyond the criteria (residual level HIGH (likelihood 4,"
                + " severity 4), accepted level HIGH (likelihood 4, severity 4); acceptable up to"
                + " MEDIUM), so the acceptance needs an approver: Chief Risk Officer");
    assertThat(problems.get(1).message())
        .startsWith("risk 'R-2'")
        .endsWith("needs an approver the criteria authorise: Chief Risk Officer");
    assertThat(problems.get(2).message()).contains("'R-5'").contains("residual level HIGH");
    assertThat(problems.get(3).message()).contains("'R-6'").contains("accepted level CRITICAL");
  }

  @Test
  void requireAuthorisedAcceptances_rejectsRecordsListingEveryRisk_andPassesOrderlyOnes() {
    AimsRecords bad =
        AimsRecords.builder()
            .addRisks(
                entry("R-1", 2, 2).build(),
                entry("R-2", 4, 4).acceptance(acceptance(4, 4).build()).build(),
                entry("R-3", 5, 5).acceptance(acceptance(5, 5).build()).build())
            .build();
    InvalidRecordException e =
        catchThrowableOfType(
            () -> RiskRegisterCheck.requireAuthorisedAcceptances(bad),
            InvalidRecordException.class);
    assertThat(e).isNotNull();
    assertThat(e.violations())
        .extracting(Violation::path)
        .containsExactly("risks[1].acceptance.approver", "risks[2].acceptance.approver");
    assertThat(e.getMessage()).contains("'R-2'").contains("'R-3'").contains("CRITICAL");

    AimsRecords good =
        AimsRecords.builder()
            .addRisks(
                entry("R-2", 4, 4).acceptance(acceptance(4, 4).approver("CRO").build()).build())
            .build();
    assertThat(RiskRegisterCheck.requireAuthorisedAcceptances(good)).isSameAs(good);
  }
}
