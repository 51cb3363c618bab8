package dev.aims.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.core.json.AimsJson;
import dev.aims.core.validation.InvalidRecordException;
import dev.aims.core.validation.Violation;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PolicyDocumentTest {
  private static PolicyDocument.Builder base() {
    return PolicyDocument.builder()
        .id("POL-01")
        .kind(PolicyKind.AI_POLICY)
        .version("1.0")
        .owner("Head of AI Governance")
        .effectiveDate(LocalDate.of(2026, 1, 15));
  }

  @Test
  void defaults_nextReviewOneYearLater_andStatusFromApprover() {
    PolicyDocument draft = base().build();
    assertThat(draft.nextReview()).isEqualTo(LocalDate.of(2027, 1, 15));
    assertThat(draft.status()).isEqualTo(PolicyStatus.DRAFT);
    assertThat(draft.title()).isEqualTo("AI policy");
    assertThat(base().approver("CEO").build().status()).isEqualTo(PolicyStatus.APPROVED);
    assertThat(draft.reviewOverdue(LocalDate.of(2027, 1, 15))).isFalse();
    assertThat(draft.reviewOverdue(LocalDate.of(2027, 1, 16))).isTrue();
  }

  @Test
  void build_rejectsApprovedWithoutApproverAndReviewBeforeEffective() {
    assertThatThrownBy(
            () ->
                base()
                    .owner(" ")
                    .status(PolicyStatus.APPROVED)
                    .nextReview(LocalDate.of(2026, 1, 1))
                    .build())
        .isInstanceOfSatisfying(
            InvalidRecordException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path)
                    .containsExactlyInAnyOrder("owner", "approver", "nextReview"));
  }

  @Test
  void json_roundTrips() throws Exception {
    PolicyDocument p =
        base()
            .approver("CEO")
            .location("docs/policies/ai-policy.md")
            .addRevisions(
                PolicyRevision.of("1.0", LocalDate.of(2026, 1, 10), "J. Chen", "First issue"))
            .build();
    String json = AimsJson.mapper().writeValueAsString(p);
    assertThat(AimsJson.mapper().readValue(json, PolicyDocument.class)).isEqualTo(p);
  }

  @Test
  void kind_isFoundBySlugOrName() {
    assertThat(PolicyKind.of("acceptable-use")).isEqualTo(PolicyKind.AI_ACCEPTABLE_USE);
    assertThat(PolicyKind.of("AI_SUPPLIER_MANAGEMENT"))
        .isEqualTo(PolicyKind.AI_SUPPLIER_MANAGEMENT);
    assertThat(PolicyKind.core()).hasSize(7).doesNotContain(PolicyKind.OTHER);
    assertThatThrownBy(() -> PolicyKind.of("ai-polcy"))
        .hasMessageContaining("'ai-polcy'")
        .hasMessageContaining("ai-policy");
  }
}
