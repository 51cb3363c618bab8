package dev.aims.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.audit.pack.AuditPack;
import dev.aims.core.records.AimsRecords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit pack's documents when a risk is rated outside the default matrix. */
class PackDocumentsTest {
  @TempDir Path tmp;

  @Test
  void pack_riskRatedOutsideTheMatrix_isShownAsSuch_notACrash() throws IOException {
    Path dir = RecordsDirectoryTest.copySamplesWithRiskOutsideTheMatrix(tmp);
    AimsRecords records = RecordsDirectory.load(dir);
    assertThat(records.risks().get(0).inherent().likelihood()).isEqualTo(6);
    LogFixtures log = new LogFixtures(Files.createDirectories(tmp.resolve("evidence")));
    Path pack = tmp.resolve("pack");

    AuditPack.builder()
        .records(records)
        .logDirectory(log.log)
        .signer(LogFixtures.SIGNER)
        .asOf(LocalDate.of(2026, 11, 30))
        .write(pack);

    String register =
        Files.readString(pack.resolve("reports/risk-register.md"), StandardCharsets.UTF_8);
    assertThat(register)
        .contains("| R-001 |")
        .contains("L6×S4 outside the 5×5 matrix | L2×S4 = 8 MEDIUM |");
    String html = Files.readString(pack.resolve(AuditPack.REPORT), StandardCharsets.UTF_8);
    assertThat(html)
        .contains(
            "<p class=\"outside-matrix\">Not drawn, rated outside the matrix (re-rate them,"
                + " Clause 6.1.2): R-001.</p>");
  }
}
