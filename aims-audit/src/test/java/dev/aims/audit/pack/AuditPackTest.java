package dev.aims.audit.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.audit.report.ReportData;
import dev.aims.evidence.internal.FileLayout;
import dev.aims.evidence.note.NoteSigner;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing an audit pack and verifying it: the round trip, and every kind of tampering caught. */
class AuditPackTest {
  @TempDir Path tmp;
  Path log;
  Path pack;

  @BeforeEach
  void writePack() throws IOException {
    log = PackFixtures.log(tmp.resolve("evidence"), 60);
    pack = tmp.resolve("pack");
    write(pack);
  }

  private ReportData write(Path out) throws IOException {
    return AuditPack.builder()
        .records(PackFixtures.records())
        .logDirectory(log)
        .signer(PackFixtures.SIGNER)
        .asOf(PackFixtures.AS_OF)
        .write(out);
  }

  private PackVerification verify() {
    return AuditPack.verify(pack, PackFixtures.SIGNER.verifier());
  }

  @Test
  void roundTrip_verifiesEveryFileAndTheLog() throws IOException {
    PackVerification v = verify();
    assertThat(v.problems()).isEmpty();
    assertThat(v.ok()).isTrue();
    assertThat(v.files()).isEqualTo(PackManifest.files(pack).size());
    assertThat(v.log().orElseThrow().entries()).isEqualTo(60 + 6);
    assertThat(pack.resolve("log/private")).doesNotExist();
    assertThat(pack.resolve(AuditPack.REPORT)).isRegularFile();
    assertThat(AuditPack.ownKey(pack).vkey()).isEqualTo(PackFixtures.SIGNER.verifier().vkey());
    String manifest = PackFixtures.SIGNER.verifier().verify(Files.readString(manifest()));
    assertThat(manifest)
        .startsWith("aims-audit-pack 1\norigin " + PackFixtures.SIGNER.name() + "\n")
        .contains(" log.vkey\n")
        .contains(" reports/soa-table.json\n");
  }

  @Test
  void pack_carriesTheLogsTimestampTokens_listedInTheManifest_andNothingElseBesideTheLog()
      throws IOException {
    Path stamps = Files.createDirectories(log.resolve(AuditPack.TIMESTAMPS_DIR));
    Files.write(stamps.resolve("66.tsr"), new byte[] {0x30, 1, 2});
    Files.write(stamps.resolve(".66.tsr.123.tmp"), new byte[] {9});
    Files.write(stamps.resolve("notes.txt"), new byte[] {9});
    Path withTokens = tmp.resolve("pack-with-timestamps");

    write(withTokens);

    assertThat(withTokens.resolve("log/timestamps/66.tsr"))
        .hasBinaryContent(new byte[] {0x30, 1, 2});
    assertThat(withTokens.resolve("log/timestamps/.66.tsr.123.tmp")).doesNotExist();
    assertThat(withTokens.resolve("log/timestamps/notes.txt")).doesNotExist();
    String manifest =
        PackFixtures.SIGNER
            .verifier()
            .verify(Files.readString(withTokens.resolve(AuditPack.MANIFEST)));
    assertThat(manifest).contains(" 3 log/timestamps/66.tsr\n");
    assertThat(AuditPack.verify(withTokens, PackFixtures.SIGNER.verifier()).problems()).isEmpty();
  }

  @Test
  void pack_holdsTheReportsAndTheSoaInTheLeadAuditorsColumns() throws IOException {
    ReportData data = write(tmp.resolve("second"));
    Path second = tmp.resolve("second");
    int entries = data.soaEntries().size();
    assertThat(entries).isPositive();
    String html = Files.readString(second.resolve(AuditPack.REPORT), StandardCharsets.UTF_8);
    assertThat(html)
        .contains("id=\"verification-result\">VERIFIED: 66 entries, ")
        .contains("<p>60 decisions logged; 20 reviewed by a person (33.3%); 7 overridden (35.0%")
        .contains("<p>6 monitoring events, 3 breaches.</p>");
    assertThat(html.split("class=\"soa-row\"", -1)).hasSize(entries + 1);
    var table =
        dev.aims.core.json.AimsJson.mapper()
            .readTree(second.resolve("reports/soa-table.json").toFile());
    assertThat(table).hasSize(entries);
    assertThat(table.get(0).fieldNames())
        .toIterable()
        .containsExactly(
            "controlId",
            "controlName",
            "applicable",
            "justification",
            "implementationStatus",
            "evidenceReference");
    for (String doc :
        List.of("soa", "risk-register", "impact-assessments", "gap-analysis", "readiness")) {
      assertThat(second.resolve("reports/" + doc + ".md")).isRegularFile();
      assertThat(second.resolve("reports/" + doc + ".json")).isRegularFile();
    }
    assertThat(data.stats().totals().decisions()).isEqualTo(60);
  }

  @Test
  void write_leavesNoStagingDirectoryBehind() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("evidence", "pack");
    }
  }

  @Test
  void write_refusesANonEmptyDirectoryAndAFile() throws IOException {
    assertThatThrownBy(() -> write(pack))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not empty");
    Path file = Files.writeString(tmp.resolve("file"), "x");
    assertThatThrownBy(() -> write(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is a file");
  }

  @Test
  void write_withoutAnInput_namesIt() {
    assertThatThrownBy(() -> AuditPack.builder().logDirectory(log).write(tmp.resolve("p")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("audit pack: records was not set");
  }

  @Test
  void failedWrite_leavesNothingBehind() throws IOException {
    Files.delete(log.resolve(FileLayout.ENTRIES_FILE));
    Files.createDirectory(log.resolve(FileLayout.ENTRIES_FILE));
    Path out = tmp.resolve("target/pack");
    assertThatThrownBy(() -> write(out)).isInstanceOf(Exception.class);
    assertThat(out).doesNotExist();
    try (Stream<Path> s = Files.list(out.getParent())) {
      assertThat(s.toList()).isEmpty();
    }
  }

  @Test
  void anotherKey_isAManifestSignatureProblem() {
    PackVerification v =
        AuditPack.verify(pack, NoteSigner.generate(PackFixtures.SIGNER.name()).verifier());
    assertThat(v.ok()).isFalse();
    assertThat(v.log()).isEmpty();
    assertThat(v.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.kind()).isEqualTo(PackProblem.Kind.MANIFEST_SIGNATURE))
        .satisfies(p -> assertThat(p.file()).isEqualTo(AuditPack.MANIFEST));
  }

  @Test
  void missingManifest_isUnreadable() throws IOException {
    Files.delete(manifest());
    assertThat(verify().problems())
        .singleElement()
        .satisfies(p -> assertThat(p.kind()).isEqualTo(PackProblem.Kind.MANIFEST_UNREADABLE));
  }

  @Test
  void signedManifestNotInTheFormat_isUnreadable_namingTheLine() throws IOException {
    resign(text -> text + "not a manifest line\n");
    assertThat(verify().problems())
        .singleElement()
        .satisfies(p -> assertThat(p.kind()).isEqualTo(PackProblem.Kind.MANIFEST_UNREADABLE))
        .asString()
        .contains("is not 'sha256:<hex> <size> <path>': 'not a manifest line'");
  }

  @Test
  void listedPathLeavingThePack_isCaught() throws IOException {
    resign(text -> text + "sha256:" + "0".repeat(64) + " 1 ../outside.json\n");
    assertThat(verify().problems(PackProblem.Kind.PATH_OUTSIDE_PACK))
        .singleElement()
        .satisfies(p -> assertThat(p.file()).isEqualTo("../outside.json"));
  }

  @Test
  void deletedFile_isMissing() throws IOException {
    Files.delete(pack.resolve("reports/soa.md"));
    assertThat(verify().problems())
        .singleElement()
        .satisfies(p -> assertThat(p.kind()).isEqualTo(PackProblem.Kind.FILE_MISSING))
        .satisfies(p -> assertThat(p.file()).isEqualTo("reports/soa.md"));
  }

  @Test
  void changedRecordByte_isAChangedFile() throws IOException {
    Path record = pack.resolve("records/aims-records.json");
    byte[] b = Files.readAllBytes(record);
    b[20] ^= 1;
    Files.write(record, b);
    PackVerification v = verify();
    assertThat(v.ok()).isFalse();
    assertThat(v.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.kind()).isEqualTo(PackProblem.Kind.FILE_CHANGED))
        .asString()
        .startsWith("records/aims-records.json: content differs from the manifest (size ");
  }

  @Test
  void addedFile_isUnlisted() throws IOException {
    Files.writeString(pack.resolve("reports/extra.md"), "not from the writer\n");
    assertThat(verify().problems())
        .containsExactly(
            PackProblem.of(
                PackProblem.Kind.FILE_UNLISTED, "reports/extra.md", "not listed in the manifest"));
    assertThat(verify().problems().get(0))
        .hasToString("reports/extra.md: not listed in the manifest");
  }

  @Test
  void changedLogByte_isAChangedFileAndALogProblemAtTheRecordIndex() throws IOException {
    Path data = pack.resolve("log").resolve(FileLayout.ENTRIES_FILE);
    byte[] idx = Files.readAllBytes(pack.resolve("log").resolve(FileLayout.INDEX_FILE));
    // Entry 12's frame starts where the index says: a head, the entry, a CRC-32C.
    long start = ByteBuffer.wrap(idx, 12 * FileLayout.INDEX_WIDTH, 8).getLong();
    byte[] b = Files.readAllBytes(data);
    int length = ByteBuffer.wrap(b).getInt((int) start);
    b[(int) (start + 4 + length / 2)] ^= 1;
    Files.write(data, b);
    PackVerification v = verify();
    assertThat(v.problems(PackProblem.Kind.FILE_CHANGED))
        .singleElement()
        .satisfies(p -> assertThat(p.file()).isEqualTo("log/" + FileLayout.ENTRIES_FILE));
    List<PackProblem> log = v.problems(PackProblem.Kind.LOG);
    assertThat(log)
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.file()).startsWith("log/"))
        .allSatisfy(p -> assertThat(p.field()).isPresent())
        .anySatisfy(p -> assertThat(p.index()).isEqualTo(OptionalLong.of(12)));
    assertThat(log.get(0).toString())
        .startsWith(log.get(0).file() + " record ")
        .contains(": " + log.get(0).field().orElseThrow() + ": ");
  }

  @Test
  void manyLogProblems_endWithHowManyWereNotListed() throws IOException {
    log = PackFixtures.log(tmp.resolve("big-evidence"), 220);
    pack = tmp.resolve("big-pack");
    write(pack);
    Path data = pack.resolve("log").resolve(FileLayout.ENTRIES_FILE);
    ByteBuffer idx =
        ByteBuffer.wrap(Files.readAllBytes(pack.resolve("log").resolve(FileLayout.INDEX_FILE)));
    byte[] b = Files.readAllBytes(data);
    for (int i = 0; i < idx.capacity() / FileLayout.INDEX_WIDTH; i++) {
      int start = (int) idx.getLong(i * FileLayout.INDEX_WIDTH);
      int length = ByteBuffer.wrap(b).getInt(start);
      b[start + 4 + length / 2] ^= 1;
    }
    Files.write(data, b);
    PackVerification v = verify();
    assertThat(v.problems())
        .last()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo(PackProblem.Kind.LOG_PROBLEMS_OMITTED);
              assertThat(p.file()).isEqualTo(AuditPack.LOG_DIR);
              assertThat(p.toString()).matches("log: [0-9]+ further problems not listed");
            });
  }

  @Test
  void notAPack_namesWhatIsThere() throws IOException {
    assertThat(AuditPack.notAPack(pack)).isEmpty();
    assertThat(AuditPack.notAPack(log).orElseThrow())
        .contains("no MANIFEST")
        .contains("it is an evidence log directory");
    assertThat(AuditPack.notAPack(tmp.resolve("nothing")).orElseThrow()).contains("does not exist");
  }

  private Path manifest() {
    return pack.resolve(AuditPack.MANIFEST);
  }

  /** Rewrites the manifest's text and signs it again with the log's key. */
  private void resign(java.util.function.UnaryOperator<String> change) throws IOException {
    String text = PackFixtures.SIGNER.verifier().verify(Files.readString(manifest()));
    Files.writeString(
        manifest(), PackFixtures.SIGNER.sign(change.apply(text)), StandardCharsets.UTF_8);
  }
}
