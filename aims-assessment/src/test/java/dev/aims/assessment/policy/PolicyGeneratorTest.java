package dev.aims.assessment.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.assessment.gap.SampleOrganisation;
import dev.aims.core.policy.PolicyKind;
import dev.aims.core.records.AimsRecords;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyGeneratorTest {
  private static final LocalDate DAY = LocalDate.of(2026, 4, 1);

  @Test
  void keptPolicy_suppliesDocumentControl_andTextNamesTheOrganisation() {
    PolicyDraft d =
        PolicyGenerator.generate(PolicyKind.AI_POLICY, SampleOrganisation.complete(), DAY);
    assertThat(d.control().id()).isEqualTo("POL-1");
    assertThat(d.control().approver()).isEqualTo("Chief Executive Officer");
    assertThat(d.control().effectiveDate()).isEqualTo(LocalDate.of(2025, 12, 1));
    assertThat(d.control().nextReview()).isEqualTo(LocalDate.of(2026, 12, 1));
    String md = d.markdown();
    assertThat(md)
        .startsWith("# AI policy\n")
        .contains("| Next review | 2026-12-01 |")
        .contains(
            "Kestrel Lending Ltd is the AI provider of Credit scoring model (`credit-scoring`)")
        .contains("an AI user of Customer service assistant (`customer-assistant`)")
        .contains(
            "OBJ-01: Explain every declined credit application (share of declines with a reason statement at least 100% by 2026-06-30)")
        .contains("| 1.0 | 2025-11-20 | Head of AI Governance | First issue |");
    assertThat(d.references()).startsWith("5.2", "A.2.2").contains("6.1.3", "A.4.2", "9.3");
  }

  @Test
  void withoutKeptPolicy_isADraftEffectiveOnTheDate_reviewedAYearLater() {
    AimsRecords r =
        AimsRecords.builder().from(SampleOrganisation.complete()).policies(List.of()).build();
    PolicyDraft d = PolicyGenerator.generate(PolicyKind.DATA_GOVERNANCE, r, DAY);
    assertThat(d.control())
        .isEqualTo(
            new DocumentControl(
                "POL-DATA-GOVERNANCE",
                "Data governance policy for AI — Kestrel Lending Ltd",
                "0.1",
                "Head of AI Governance",
                "Chief Executive Officer",
                DAY,
                LocalDate.of(2027, 4, 1),
                "draft"));
    assertThat(d.markdown())
        .contains(
            "loan-book-2019-2025 (training data of credit-scoring, personal data; provenance: Own loan applications and repayment outcomes)")
        .contains("Some of this data is personal data")
        .contains("| 0.1 | 2026-04-01 | Head of AI Governance | Drafted from the AIMS records |")
        .contains("AI policy (`aims policy ai-policy`)");
    assertThat(d.references()).contains("A.7.2", "A.7.3", "A.7.4", "A.7.5", "A.7.6", "A.4.3");
  }

  @Test
  void riskPolicy_statesTheMatrixAndCriteria() {
    String md =
        PolicyGenerator.generate(PolicyKind.AI_RISK_MANAGEMENT, SampleOrganisation.complete(), DAY)
            .markdown();
    assertThat(md)
        .contains("5 × 5 matrix")
        .contains("up to MEDIUM; above that, only Chief Risk Officer may accept it")
        .contains("The register currently holds 4 risks");
  }

  @Test
  void everyCorePolicy_hasTheSevenSections() {
    List<PolicyDraft> all = PolicyGenerator.generateAll(AimsRecords.empty(), DAY);
    assertThat(all).extracting(PolicyDraft::kind).containsExactlyElementsOf(PolicyKind.core());
    for (PolicyDraft d : all) {
      String md = d.markdown();
      int at = 0;
      for (int i = 0; i < PolicyDraft.SECTION_TITLES.size(); i++) {
        int next = md.indexOf("## " + (i + 1) + ". " + PolicyDraft.SECTION_TITLES.get(i), at);
        assertThat(next).as(d.kind() + " section " + (i + 1)).isGreaterThan(at);
        at = next;
      }
      assertThat(md).contains("the organisation").contains("| Approver | Top management |");
    }
  }

  @Test
  void other_hasNoTemplate() {
    assertThatThrownBy(() -> PolicyGenerator.generate(PolicyKind.OTHER, AimsRecords.empty(), DAY))
        .hasMessageContaining("OTHER")
        .hasMessageContaining("ai-policy");
  }

  @Test
  void citations_findClausesAndControls() {
    assertThat(PolicyGenerator.citations("see Clause 6.1.3, A.10.3 and 10.2; not 2026-04-01"))
        .containsExactly("6.1.3", "A.10.3", "10.2");
  }
}
