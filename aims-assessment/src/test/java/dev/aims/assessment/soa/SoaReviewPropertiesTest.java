package dev.aims.assessment.soa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;

import dev.aims.core.catalog.Catalog;
import dev.aims.core.soa.ImplementationStatus;
import dev.aims.core.soa.SoaDecision;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.soa.StatementOfApplicability;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Properties of {@link SoaReview}: confirming keeps one entry per Annex A control as proposed and
 * records who decided; a change touches exactly the control changed; an exclusion (or inclusion)
 * needs a justification.
 */
class SoaReviewPropertiesTest {
  private static final List<String> CONTROL_IDS =
      Catalog.standard().controls().stream().map(c -> c.id()).toList();
  private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

  /** Proposals for random registers of systems and risks. */
  private static Gen<SoaProposal> proposals() {
    return SoaProposerPropertiesTest.registers()
        .zip(
            SoaProposerPropertiesTest.risks(),
            (systems, risks) -> SoaProposer.propose(systems, risks));
  }

  private static Gen<String> deciders() {
    return SourceDSL.integers().between(0, 999).map(n -> "Reviewer " + n + " (CRO)");
  }

  private static Gen<LocalDate> days() {
    return SourceDSL.integers().between(0, 36_500).map(n -> LocalDate.of(2000, 1, 1).plusDays(n));
  }

  @Test
  void confirm_keepsAll38EntriesAsProposed_andRecordsWhoDecided() {
    qt().withExamples(150)
        .forAll(proposals(), deciders(), days())
        .checkAssert(
            (p, who, day) -> {
              StatementOfApplicability soa = p.review().confirm(who, day, "1.0");
              assertThat(soa.entries()).hasSize(38);
              assertThat(soa.entries())
                  .extracting(SoaEntry::controlId)
                  .containsExactlyElementsOf(CONTROL_IDS);
              assertThat(soa.annexAEntries()).doesNotContainNull().hasSize(38);
              assertThat(soa.organisationEntries()).isEmpty();
              assertThat(soa.approvedBy()).contains(who);
              assertThat(soa.approvedOn()).contains(day);
              for (ProposedEntry proposed : p.entries()) {
                SoaEntry e = soa.entry(proposed.controlId()).orElseThrow();
                assertThat(e.applicable()).isEqualTo(proposed.applicable());
                assertThat(e.justification()).isEqualTo(proposed.justification());
                assertThat(e.riskIds()).isEqualTo(proposed.riskIds());
                assertThat(e.implementationStatus() == ImplementationStatus.NOT_APPLICABLE)
                    .isEqualTo(!e.applicable());
                assertThat(e.decision()).contains(SoaDecision.of(who, day, false));
              }
              assertThat(p.differences(soa)).isEmpty();
            });
  }

  @Test
  void changingOneEntry_changesExactlyThatEntry_andRecordsTheChange() {
    qt().withExamples(200)
        .forAll(
            proposals(),
            SourceDSL.integers().between(0, 37),
            SourceDSL.booleans().all(),
            SourceDSL.booleans().all())
        .checkAssert(
            (p, index, include, lowerCase) -> {
              String id = CONTROL_IDS.get(index);
              // Control ids are looked up ignoring case.
              String given = lowerCase ? id.toLowerCase(Locale.ROOT) : id;
              String reason = "Decided by the board for " + id;
              SoaReview base = p.review();
              SoaReview changed =
                  include ? base.include(given, reason) : base.exclude(given, reason);
              StatementOfApplicability before = base.confirm("Dana", DAY, "1.0");
              StatementOfApplicability after = changed.confirm("Dana", DAY, "1.0");
              ProposedEntry proposed = p.entry(id).orElseThrow();

              SoaEntry e = after.entry(id).orElseThrow();
              assertThat(e.applicable()).isEqualTo(include);
              assertThat(e.justification()).isEqualTo(reason);
              assertThat(e.riskIds()).isEqualTo(proposed.riskIds());
              assertThat(e.implementationStatus() == ImplementationStatus.NOT_APPLICABLE)
                  .isEqualTo(!include);
              // The reason differs from the proposal's, so the decision always records a change.
              assertThat(e.decision()).contains(SoaDecision.of("Dana", DAY, true));

              for (String other : CONTROL_IDS) {
                if (!other.equals(id)) {
                  assertThat(after.entry(other)).isEqualTo(before.entry(other));
                }
              }
              assertThat(p.differences(after))
                  .extracting(SoaDifference::controlId)
                  .containsExactlyElementsOf(
                      include == proposed.applicable() ? List.of() : List.of(id));
              // The review changed is a new one: the original still confirms the proposal.
              assertThat(base.confirm("Dana", DAY, "1.0")).isEqualTo(before);
            });
  }

  @Test
  void justify_keepsTheApplicability_andTheLastChangeWins() {
    qt().withExamples(150)
        .forAll(proposals(), SourceDSL.integers().between(0, 37), SourceDSL.booleans().all())
        .checkAssert(
            (p, index, first) -> {
              String id = CONTROL_IDS.get(index);
              boolean proposed = p.entry(id).orElseThrow().applicable();
              SoaEntry justified =
                  p.review()
                      .justify(id, "Reworded")
                      .confirm("Dana", DAY, "1")
                      .entry(id)
                      .orElseThrow();
              assertThat(justified.applicable()).isEqualTo(proposed);
              assertThat(justified.justification()).isEqualTo("Reworded");

              SoaReview r = p.review();
              r = first ? r.include(id, "first") : r.exclude(id, "first");
              r = first ? r.exclude(id, "second") : r.include(id, "second");
              SoaEntry last = r.confirm("Dana", DAY, "1").entry(id).orElseThrow();
              assertThat(last.applicable()).isEqualTo(!first);
              assertThat(last.justification()).isEqualTo("second");
              // Re-justifying after a change keeps the changed applicability.
              SoaEntry rejustified =
                  r.justify(id, "third").confirm("Dana", DAY, "1").entry(id).orElseThrow();
              assertThat(rejustified.applicable()).isEqualTo(!first);
            });
  }

  @Test
  void exclusionOrInclusionWithoutJustification_isRejected() {
    String[] blankValues = {"", " ", "\t", "\n  ", null};
    Gen<String> blanks = SourceDSL.integers().between(0, 4).map(i -> blankValues[i]);
    qt().withExamples(200)
        .forAll(
            proposals(), SourceDSL.integers().between(0, 37), blanks, SourceDSL.booleans().all())
        .checkAssert(
            (p, index, blank, include) -> {
              String id = CONTROL_IDS.get(index);
              SoaReview r = p.review();
              Throwable thrown =
                  catchThrowable(
                      () -> {
                        if (include) {
                          r.include(id, blank);
                        } else {
                          r.exclude(id, blank);
                        }
                      });
              assertThat(thrown)
                  .isInstanceOf(IllegalArgumentException.class)
                  .hasMessageContaining("justification for " + id)
                  .hasMessageContaining(include ? "included" : "excluded");
              assertThat(catchThrowable(() -> r.justify(id, blank)))
                  .isInstanceOf(IllegalArgumentException.class)
                  .hasMessageContaining("justification for " + id);
            });
  }

  @Test
  void confirm_rejectsABlankDecider() {
    qt().withExamples(50)
        .forAll(proposals(), SourceDSL.integers().between(0, 2))
        .checkAssert(
            (p, i) ->
                assertThat(
                        catchThrowable(
                            () -> p.review().confirm(new String[] {"", " ", "\t"}[i], DAY, "1")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("decidedBy"));
  }
}
