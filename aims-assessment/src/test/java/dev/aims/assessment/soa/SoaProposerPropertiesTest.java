package dev.aims.assessment.soa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.aims.core.catalog.Catalog;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.soa.StatementOfApplicability;
import dev.aims.core.system.AiRole;
import dev.aims.core.system.AiSystem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

class SoaProposerPropertiesTest {
  private static final List<String> CONTROL_IDS =
      Catalog.standard().controls().stream().map(c -> c.id()).toList();

  /** Registers of up to four systems with random roles and suppliers. */
  static Gen<List<AiSystem>> registers() {
    Gen<AiSystem> system =
        SourceDSL.integers()
            .between(1, (1 << AiRole.values().length) - 1)
            .zip(
                SourceDSL.booleans().all(),
                SourceDSL.integers().between(0, 999),
                (mask, supplied, n) -> {
                  Set<AiRole> roles = EnumSet.noneOf(AiRole.class);
                  for (AiRole r : AiRole.values()) {
                    if ((mask & (1 << r.ordinal())) != 0) {
                      roles.add(r);
                    }
                  }
                  return SoaProposerTest.system(
                      "sys-" + n, roles, supplied ? Set.of("Supplier " + n) : Set.of());
                });
    return SourceDSL.lists().of(system).ofSizeBetween(0, 4);
  }

  /** Risk registers of up to five risks, each choosing up to three random controls. */
  static Gen<List<RiskEntry>> risks() {
    Gen<RiskEntry> risk =
        SourceDSL.lists()
            .of(SourceDSL.integers().between(0, 37))
            .ofSizeBetween(0, 3)
            .zip(
                SourceDSL.integers().between(0, 99),
                (picks, n) ->
                    SoaProposerTest.risk(
                        "R-" + n,
                        "sys-1",
                        new HashSet<>(picks)
                            .stream().map(CONTROL_IDS::get).toArray(String[]::new)));
    return SourceDSL.lists().of(risk).ofSizeBetween(0, 5);
  }

  @Test
  void everyProposal_hasExactly38AnnexAEntriesWithoutDuplicates_andConfirms() {
    qt().withExamples(150)
        .forAll(registers(), risks())
        .checkAssert(
            (systems, risks) -> {
              SoaProposal p = SoaProposer.propose(systems, risks);
              assertThat(p.entries())
                  .extracting(ProposedEntry::controlId)
                  .containsExactlyElementsOf(CONTROL_IDS);
              assertThat(p.entries()).allSatisfy(e -> assertThat(e.justification()).isNotBlank());
              StatementOfApplicability soa =
                  p.review().confirm("Reviewer", LocalDate.of(2026, 1, 1), "1");
              assertThat(soa.annexAEntries()).doesNotContainNull().hasSize(38);
              assertThat(soa.entries()).extracting(SoaEntry::controlId).doesNotHaveDuplicates();
            });
  }

  @Test
  void everyControlChosenByARisk_isApplicableAndLinkedToIt() {
    qt().withExamples(150)
        .forAll(registers(), risks())
        .checkAssert(
            (systems, risks) -> {
              SoaProposal p = SoaProposer.propose(systems, risks);
              for (RiskEntry r : risks) {
                for (String c : r.controls()) {
                  ProposedEntry e = p.entry(c).orElseThrow();
                  assertThat(e.applicable()).isTrue();
                  assertThat(e.riskIds()).contains(r.id());
                }
              }
              List<String> chosen = new ArrayList<>();
              risks.forEach(r -> chosen.addAll(r.controls()));
              p.entries().stream()
                  .filter(e -> !chosen.contains(e.controlId()))
                  .forEach(e -> assertThat(e.riskIds()).isEmpty());
            });
  }

  @Test
  void addingASystem_neverExcludesAControl() {
    qt().withExamples(150)
        .forAll(registers(), registers())
        .checkAssert(
            (base, extra) -> {
              List<AiSystem> more = new ArrayList<>(base);
              more.addAll(extra);
              SoaProposal before = SoaProposer.propose(base, List.of());
              SoaProposal after = SoaProposer.propose(more, List.of());
              for (ProposedEntry e : before.applicable()) {
                assertThat(after.entry(e.controlId()).orElseThrow().applicable()).isTrue();
              }
            });
  }
}
