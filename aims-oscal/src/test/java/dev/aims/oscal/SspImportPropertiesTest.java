package dev.aims.oscal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.soa.ImplementationStatus;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.soa.StatementOfApplicability;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SspImportPropertiesTest {
  private static final StatementOfApplicability BASE = SspDocumentTest.small();
  private static final int N = BASE.entries().size();

  @Test
  void anyAssignmentOfStatusesAndJustifications_roundTripsThroughTheSspText() {
    ImplementationStatus[] statuses = ImplementationStatus.values();
    qt().withExamples(40)
        .forAll(
            lists().of(integers().between(0, statuses.length - 1)).ofSize(N),
            strings().betweenCodePoints(0x20, 0x2FFF).ofLengthBetween(1, 60))
        .assuming((picks, text) -> !text.isBlank())
        .checkAssert(
            (picks, text) -> {
              List<SoaEntry> entries = new ArrayList<>();
              for (int i = 0; i < N; i++) {
                ImplementationStatus s = statuses[picks.get(i)];
                entries.add(
                    SoaEntry.builder()
                        .from(BASE.entries().get(i))
                        .applicable(s != ImplementationStatus.NOT_APPLICABLE)
                        .implementationStatus(s)
                        .justification(i % 2 == 0 ? text : text + "\n" + i)
                        .build());
              }
              StatementOfApplicability soa =
                  StatementOfApplicability.builder().from(BASE).entries(entries).build();
              String json =
                  SspDocument.toJson(
                      AimsRecords.builder().soa(soa).build(),
                      SspDocumentTest.AS_OF,
                      EvidenceCoverage.none());
              try {
                assertThat(SspImport.soa(new ObjectMapper().readTree(json), BASE)).isEqualTo(soa);
              } catch (java.io.IOException e) {
                throw new AssertionError(e);
              }
            });
  }
}
