package dev.aims.audit.coverage;

import static dev.aims.audit.coverage.TestLogs.SIGNER;
import static dev.aims.audit.coverage.TestLogs.decision;
import static dev.aims.audit.coverage.TestLogs.monitoring;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.assessment.coverage.ControlEvidence;
import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.audit.pack.AuditPack;
import dev.aims.evidence.internal.FileLayout;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.Problem;
import dev.aims.evidence.verify.VerificationResult;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageScannerTest {
  private static final Instant T = Instant.parse("2026-12-06T06:00:00Z");
  private static final CoverageScanner SCANNER =
      CoverageScanner.builder().key(SIGNER.verifier()).build();

  @TempDir Path tmp;

  private Path sampleLog(Path dir, int covered) {
    return TestLogs.write(
        dir,
        List.of(
            decision("credit-scoring", T, List.of("A.6.2.8")),
            decision("credit-scoring", T.plusSeconds(60), List.of("A.6.2.8", "A.9.2")),
            monitoring("credit-scoring", T.plusSeconds(13_020), List.of("A.6.2.8")),
            monitoring("fraud-check", T.plusSeconds(86_400), List.of("A.6.2.6")),
            decision("credit-scoring", T.plusSeconds(90_000), List.of("A.6.2.8"))),
        covered);
  }

  @Test
  void scan_countsEachControlAndSystem_byTypeAndDay_withTheCheckpoint() {
    EvidenceCoverage c = SCANNER.scan(sampleLog(tmp.resolve("log"), 5));
    assertThat(c.checkpoint()).hasValueSatisfying(p -> assertThat(p.size()).isEqualTo(5));
    assertThat(c.checkpoint().orElseThrow().origin()).isEqualTo("demo.aims.dev/credit-scoring");
    assertThat(c.entries())
        .extracting(e -> e.controlId() + " " + e.systemId())
        .containsExactly("A.6.2.6 fraud-check", "A.6.2.8 credit-scoring", "A.9.2 credit-scoring");
    ControlEvidence logs = c.forControl("A.6.2.8").get(0);
    assertThat(logs.countsByType()).isEqualTo(Map.of("ai-decision", 3L, "monitoring-event", 1L));
    assertThat(logs.first()).isEqualTo(T);
    assertThat(logs.last()).isEqualTo(T.plusSeconds(90_000));
    assertThat(logs.countsByDay())
        .isEqualTo(Map.of(LocalDate.of(2026, 12, 6), 3L, LocalDate.of(2026, 12, 7), 1L));
    assertThat(c.reference("A.9.2"))
        .contains("1 record, 2026-12-06 06:01–06:01, log demo.aims.dev/credit-scoring at size 5");
  }

  @Test
  void recordsAboveTheLatestCheckpoint_areNotCounted() {
    EvidenceCoverage c = SCANNER.scan(sampleLog(tmp.resolve("log"), 3));
    assertThat(c.checkpoint().orElseThrow().size()).isEqualTo(3);
    assertThat(c.forControl("A.6.2.6")).isEmpty();
    assertThat(c.forControl("A.6.2.8").get(0).total()).isEqualTo(3);
    assertThat(c.forControl("A.6.2.8").get(0).last()).isEqualTo(T.plusSeconds(13_020));
  }

  @Test
  void anEmptyCheckpoint_givesALogWithNoEntries() {
    EvidenceCoverage c = SCANNER.scan(sampleLog(tmp.resolve("log"), 0));
    assertThat(c.hasLog()).isTrue();
    assertThat(c.entries()).isEmpty();
  }

  @Test
  void aTamperedLog_isRefusedWithItsProblems() throws IOException {
    Path log = sampleLog(tmp.resolve("log"), 5);
    Path entries = log.resolve(FileLayout.ENTRIES_FILE);
    try (RandomAccessFile f = new RandomAccessFile(entries.toFile(), "rw")) {
      // Change one letter of a system id in the first entry: the JSON stays valid.
      byte[] all = Files.readAllBytes(entries);
      int at = new String(all, StandardCharsets.ISO_8859_1).indexOf("credit-scoring");
      f.seek(at);
      f.write('k');
    }
    assertThatThrownBy(() -> SCANNER.scan(log))
        .isInstanceOf(CoverageException.class)
        .hasMessageContaining(log.toString())
        .hasMessageContaining("does not verify")
        .hasMessageContaining("LEAF_HASH")
        .satisfies(
            e ->
                assertThat(((CoverageException) e).problems())
                    .extracting(Problem::check)
                    .contains(Problem.Check.LEAF_HASH));
  }

  @Test
  void scanVerified_countsAsScanDoes_andRefusesAVerificationWithProblems() throws IOException {
    Path log = sampleLog(tmp.resolve("log"), 5);
    VerificationResult good = LogVerifier.verify(log, SIGNER.verifier());
    assertThat(SCANNER.scanVerified(log, good)).isEqualTo(SCANNER.scan(log));

    Path entries = log.resolve(FileLayout.ENTRIES_FILE);
    // Entry 0's frame (head, entry, CRC-32C) rewritten with its CRC recomputed, as someone editing
    // the log would: only the tree can tell.
    byte[] all = Files.readAllBytes(entries);
    int length = java.nio.ByteBuffer.wrap(all).getInt(0);
    byte[] entry = java.util.Arrays.copyOfRange(all, 4, 4 + length);
    entry[new String(entry, StandardCharsets.ISO_8859_1).indexOf("credit-scoring")] = 'k';
    System.arraycopy(entry, 0, all, 4, length);
    java.nio.ByteBuffer.wrap(all)
        .putInt(4 + length, dev.aims.evidence.internal.Frames.entryCrc(entry));
    Files.write(entries, all);
    VerificationResult bad = LogVerifier.verify(log, SIGNER.verifier());
    assertThatThrownBy(() -> SCANNER.scanVerified(log, bad))
        .isInstanceOf(CoverageException.class)
        .hasMessageContaining("does not verify");
    // A verification made before the log was changed does not hide the change: the counting pass
    // recomputes the root of what it counts against the signed checkpoint.
    assertThatThrownBy(() -> SCANNER.scanVerified(log, good))
        .isInstanceOf(CoverageException.class)
        .hasMessageContaining("differs from the latest checkpoint's");
  }

  @Test
  void aLogSignedByAnotherKey_isRefused() {
    Path log = sampleLog(tmp.resolve("log"), 5);
    CoverageScanner other =
        CoverageScanner.builder()
            .key(NoteSigner.generate("demo.aims.dev/credit-scoring").verifier())
            .build();
    assertThatThrownBy(() -> other.scan(log))
        .isInstanceOf(CoverageException.class)
        .hasMessageContaining("does not verify")
        .hasMessageContaining("SIGNATURE");
  }

  @Test
  void notALog_isNamedInTheError() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertThatThrownBy(() -> SCANNER.scan(empty))
        .isInstanceOf(CoverageException.class)
        .hasMessage(
            "evidence log " + empty + ": is not an evidence log directory (no FORMAT file)");
    assertThatThrownBy(() -> SCANNER.scan(tmp.resolve("missing")))
        .hasMessageContaining(tmp.resolve("missing") + ": is not a directory");
  }

  @Test
  void scanPack_findsTheLogInsideTheAuditPack() throws IOException {
    Path pack = Files.createDirectories(tmp.resolve("pack"));
    Files.writeString(pack.resolve(AuditPack.MANIFEST), "manifest\n");
    sampleLog(pack.resolve(AuditPack.LOG_DIR), 5);
    EvidenceCoverage fromPack = SCANNER.scanPack(pack);
    assertThat(fromPack).isEqualTo(SCANNER.scan(pack.resolve("log")));
    assertThat(SCANNER.scanLogOrPack(pack)).isEqualTo(fromPack);
    assertThat(SCANNER.scanLogOrPack(pack.resolve("log"))).isEqualTo(fromPack);
    Path notPack = Files.createDirectories(tmp.resolve("not-a-pack"));
    assertThatThrownBy(() -> SCANNER.scanPack(notPack))
        .isInstanceOf(CoverageException.class)
        .hasMessageContaining(notPack + ": is not an audit pack (no MANIFEST file)");
    Files.writeString(notPack.resolve("MANIFEST"), "m\n");
    assertThatThrownBy(() -> SCANNER.scanPack(notPack))
        .hasMessageContaining("is an audit pack without an evidence log in log/");
  }

  @Test
  void builder_needsAKey() {
    assertThatThrownBy(() -> CoverageScanner.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least one key");
  }
}
