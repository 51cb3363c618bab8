package dev.aims.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.assessment.impact.ImpactClassifier;
import dev.aims.assessment.risk.RiskFinding;
import dev.aims.assessment.risk.RiskMatrix;
import dev.aims.assessment.risk.RiskRegisterCheck;
import dev.aims.assessment.risk.RiskRegisterSummary;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.impact.ImpactLevel;
import dev.aims.core.records.RecordsReader;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.risk.RiskLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The sample risk register and impact assessment shipped in {@code samples/records}. */
class RiskSamplesTest {
  private static final Path RISKS = Path.of("../samples/records/risks");

  private static List<RiskEntry> risks() throws IOException {
    try (Stream<Path> files = Files.list(RISKS)) {
      return files
          .filter(f -> f.toString().endsWith(".json"))
          .sorted()
          .map(f -> RecordsReader.standard().readRecord(f, RiskEntry.class))
          .toList();
    }
  }

  @Test
  void sampleRisks_areValidAndNamedByTheirIds() throws IOException {
    List<RiskEntry> risks = risks();
    assertThat(risks).hasSizeGreaterThanOrEqualTo(5);
    for (RiskEntry r : risks) {
      assertThat(RISKS.resolve(r.id() + ".json")).exists();
      assertThat(r.systemId()).isEqualTo("credit-scoring");
    }
  }

  @Test
  void sampleRegister_passesTheDefaultChecksAndHasOneHighAcceptedRisk() throws IOException {
    List<RiskEntry> risks = risks();
    List<RiskFinding> findings =
        RiskRegisterCheck.defaults().check(risks, LocalDate.of(2026, 11, 22));
    assertThat(findings).isEmpty();
    RiskRegisterSummary summary = RiskRegisterSummary.of(RiskMatrix.defaultMatrix(), risks);
    assertThat(summary.residualCounts().get(RiskLevel.HIGH)).isEqualTo(1);
    assertThat(summary.outsideMatrix()).isEmpty();
    // By the review dates, the register needs attention.
    assertThat(RiskRegisterCheck.defaults().check(risks, LocalDate.of(2027, 5, 1)))
        .isNotEmpty()
        .noneMatch(RiskFinding::isError);
  }

  @Test
  void sampleImpactAssessment_isHigh() {
    ImpactAssessment a =
        RecordsReader.standard().readRecord(AisiaCommandTest.SAMPLE, ImpactAssessment.class);
    assertThat(a.fundamentalRights()).isPresent();
    assertThat(ImpactClassifier.classify(a).level()).isEqualTo(ImpactLevel.HIGH);
  }
}
