package dev.aims.examples.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aims.assessment.gap.Gap;
import dev.aims.assessment.gap.GapAnalysis;
import dev.aims.assessment.gap.GapItem;
import dev.aims.audit.pack.PackVerification;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.records.RecordsReader;
import dev.aims.core.soa.ImplementationStatus;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.soa.StatementOfApplicability;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.proof.TlogProof;
import dev.aims.examples.quickstart.QuickStart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditPackExampleTest {
  private static final AimsRecords SAMPLES =
      RecordsReader.standard().read(Path.of("../samples/records"));

  @Test
  void writeAndVerify_packCitesTheLogForA628_andCarriesASampleThatVerifies(@TempDir Path dir)
      throws Exception {
    NoteSigner signer = NoteSigner.generate("example.com/credit-scoring");
    Path log = dir.resolve("evidence");
    QuickStart.run(log, signer); // one AI decision citing A.6.2.8
    Path pack = dir.resolve("audit-pack");

    PackVerification v = AuditPackExample.writeAndVerify(SAMPLES, log, signer, pack, 1, "s-1");

    assertThat(v.problems()).isEmpty();
    assertThat(v.ok()).isTrue();
    JsonNode a628 = null;
    for (JsonNode row :
        new ObjectMapper().readTree(pack.resolve("reports/soa-table.json").toFile())) {
      if (row.get("controlId").asText().equals("A.6.2.8")) {
        a628 = row;
      }
    }
    assertThat(a628).isNotNull();
    assertThat(a628.get("evidenceReference").asText())
        .contains("1 record, ")
        .contains("log example.com/credit-scoring at size 1");
    TlogProof proof = TlogProof.parse(Files.readString(pack.resolve("sample/record-0.tlog-proof")));
    assertThat(proof.verify(signer.verifier()).size()).isEqualTo(1);
  }

  @Test
  void gapsWithEvidence_anImplementedControlWithoutRecentRecords_isAmberNamingTheLastDay(
      @TempDir Path dir) throws Exception {
    NoteSigner signer = NoteSigner.generate("example.com/credit-scoring");
    Path log = dir.resolve("evidence");
    QuickStart.run(log, signer);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);

    // The samples' SoA with A.6.2.8, the control the quick start's decision cites, implemented.
    StatementOfApplicability soa = SAMPLES.soa().orElseThrow();
    AimsRecords records =
        AimsRecords.builder()
            .from(SAMPLES)
            .soa(
                StatementOfApplicability.builder()
                    .from(soa)
                    .entries(
                        soa.entries().stream()
                            .map(
                                e ->
                                    e.controlId().equals("A.6.2.8")
                                        ? SoaEntry.builder()
                                            .from(e)
                                            .implementationStatus(ImplementationStatus.IMPLEMENTED)
                                            .build()
                                        : e)
                            .toList())
                    .build())
            .build();

    GapAnalysis now = AuditPackExample.gapsWithEvidence(records, log, signer.verifier(), today);
    GapAnalysis later =
        AuditPackExample.gapsWithEvidence(records, log, signer.verifier(), today.plusDays(40));

    assertThat(messages(now, "A.6.2.8")).noneMatch(m -> m.contains("shows no record citing it"));
    assertThat(messages(later, "A.6.2.8"))
        .anyMatch(
            m ->
                m.contains("shows no record citing it")
                    && m.contains("last 30 days")
                    && m.contains("last evidence: " + today));
  }

  private static List<String> messages(GapAnalysis analysis, String ref) {
    GapItem item =
        analysis.items().stream().filter(i -> i.ref().equals(ref)).findFirst().orElseThrow();
    return item.gaps().stream().map(Gap::message).toList();
  }
}
