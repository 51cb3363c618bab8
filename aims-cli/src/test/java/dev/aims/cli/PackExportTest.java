package dev.aims.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aims.audit.pack.AuditPack;
import dev.aims.core.json.AimsJson;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.records.RecordsReader;
import dev.aims.evidence.note.NoteSigner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code aims export --out PACK --records ...}: what it accepts, and what it never writes. */
@ExtendWith(SamplePack.Resolver.class)
class PackExportTest {
  static Path evidence;
  static Path skey;
  static Path recordsFile;

  @TempDir Path tmp;

  @BeforeAll
  static void readSample(SamplePack sample) {
    evidence = sample.dir.resolve("evidence");
    skey = sample.dir.resolve("keys/log.skey");
    recordsFile = sample.pack.resolve("records/aims-records.json");
  }

  record Run(int code, String out, String err) {}

  private static Run export(Path out, Path records, String... more) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "export",
                evidence.toString(),
                "--out",
                out.toString(),
                "--records",
                records.toString(),
                "--key",
                skey.toString()));
    args.addAll(List.of(more));
    int code = Aims.run(new PrintWriter(o), new PrintWriter(e), args.toArray(String[]::new));
    return new Run(code, o.toString(), e.toString());
  }

  private Path recordsWith(String from, String to) throws IOException {
    String text = Files.readString(recordsFile);
    String changed = text.replaceFirst(from, to);
    assertThat(changed).as("edit of the sample records").isNotEqualTo(text);
    return Files.writeString(tmp.resolve("records.json"), changed);
  }

  /** Writes {@code records} to {@code to} with a second AI system, as the first but for its id. */
  static Path withSecondSystem(Path records, String id, Path to) throws IOException {
    ObjectNode tree = (ObjectNode) AimsJson.mapper().readTree(records.toFile());
    ArrayNode systems = (ArrayNode) tree.get("systems");
    systems.add(((ObjectNode) systems.get(0).deepCopy()).put("id", id));
    AimsJson.mapper().writerWithDefaultPrettyPrinter().writeValue(to.toFile(), tree);
    return to;
  }

  private static List<Path> filesUnder(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void aSystemIdThatWouldLeaveThePack_isRefused_andNothingIsWritten() throws IOException {
    Path records = withSecondSystem(recordsFile, "../../../escaped", tmp.resolve("records.json"));
    Path out = tmp.resolve("a/b/c/pack");
    List<Path> before = filesUnder(tmp);
    Run r = export(out, records);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains(records.toString())
        .containsPattern("field 'systems\\[\\d+\\]\\.id': must match")
        .contains("(value: '../../../escaped')");
    assertThat(filesUnder(tmp)).isEqualTo(before);
    try (Stream<Path> s = Files.walk(tmp)) {
      assertThat(s.filter(p -> p.getFileName().toString().equals("escaped.json"))).isEmpty();
    }
  }

  @Test
  void recordsThatTheRecordsDirectoryWouldReject_areRefusedAlike() throws IOException {
    // A risk whose system id breaks the id rule, and one whose system is not in the register.
    ObjectNode tree = (ObjectNode) AimsJson.mapper().readTree(recordsFile.toFile());
    ArrayNode risks = (ArrayNode) tree.get("risks");
    assertThat(risks.size()).isGreaterThanOrEqualTo(2);
    ((ObjectNode) risks.get(0)).put("systemId", "Credit Scoring");
    ((ObjectNode) risks.get(1)).put("systemId", "retired-system");
    Path records = tmp.resolve("records.json");
    AimsJson.mapper().writerWithDefaultPrettyPrinter().writeValue(records.toFile(), tree);
    Run r = export(tmp.resolve("pack"), records);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("field 'risks[0].systemId': must match")
        .contains("(value: 'Credit Scoring')")
        .contains("field 'risks[1].systemId': names no AI system in the register")
        .contains("(value: 'retired-system')");
    assertThat(tmp.resolve("pack")).doesNotExist();
    // The records directory refuses the same records in the same words.
    Path dir = RecordsDirectoryTest.copySamples(tmp);
    Path r1 = dir.resolve("risks/R-001.json");
    Files.writeString(
        r1,
        Files.readString(r1)
            .replace("\"systemId\": \"credit-scoring\"", "\"systemId\": \"retired-system\""));
    assertThat(RecordsDirectoryTest.failure(dir).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("names no AI system in the register"));
  }

  @Test
  void badJsonInTheRecordsFile_isNamedWithItsLine_notJacksonsText() throws IOException {
    Path records = Files.writeString(tmp.resolve("r.json"), "{\n \"systems\": [ {\"foo\": 1}");
    Run r = export(tmp.resolve("pack"), records);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains(records + ":2:")
        .contains("not valid JSON")
        .doesNotContain("Source: REDACTED")
        .doesNotContain("dev.aims.core");
    Files.writeString(records, "{\"systems\": [], \"foo\": 1}");
    assertThat(export(tmp.resolve("pack"), records).err())
        .contains("field 'foo': is not a field of AimsRecords; known fields: [")
        .doesNotContain("Builder")
        .doesNotContain("class ");
  }

  @Test
  void aRecordsDirectory_isAcceptedByRecords() throws IOException {
    Path out = tmp.resolve("pack");
    Run r = export(out, RecordsDirectoryTest.SAMPLES);
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).startsWith("OK audit pack");
    AimsRecords packed = RecordsReader.standard().read(out.resolve("records/aims-records.json"));
    assertThat(packed).isEqualTo(RecordsDirectory.load(RecordsDirectoryTest.SAMPLES));
  }

  @Test
  void sampleAndSeed_takeAnAuditorsSampleIntoThePack_thatTheManifestCoversAndVerifyProofAccepts()
      throws IOException {
    Path out = tmp.resolve("pack");
    Run r = export(out, recordsFile, "--sample", "3", "--seed", "stage2-2026");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).startsWith("OK audit pack");
    List<Path> proofs =
        filesUnder(out.resolve("sample")).stream()
            .filter(p -> p.toString().endsWith(".tlog-proof"))
            .toList();
    assertThat(proofs).hasSize(3);
    assertThat(Files.readString(out.resolve("MANIFEST")))
        .contains(" sample/sample.json\n")
        .contains(" sample/" + proofs.get(0).getFileName() + "\n");
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains("Auditor sample");
    Path vkey = skey.resolveSibling("log.vkey");
    for (Path p : proofs) {
      assertThat(html).contains("<td>sample/" + p.getFileName() + "</td>");
      StringWriter o = new StringWriter();
      int code =
          Aims.run(
              new PrintWriter(o),
              new PrintWriter(new StringWriter()),
              "verify-proof",
              p.toString(),
              "--key",
              vkey.toString());
      assertThat(code).as(o.toString()).isZero();
    }
    // The same seed draws the same records: the auditor can repeat the draw.
    Path again = tmp.resolve("again");
    assertThat(export(again, recordsFile, "--sample", "3", "--seed", "stage2-2026").code())
        .isZero();
    assertThat(filesUnder(again.resolve("sample")).stream().map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrderElementsOf(
            filesUnder(out.resolve("sample")).stream()
                .map(p -> p.getFileName().toString())
                .toList());
  }

  @Test
  void sampleWithoutSeed_isRefused_andNothingIsWritten() throws IOException {
    Path out = tmp.resolve("pack");
    Run r = export(out, recordsFile, "--sample", "3");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--sample N and --seed S go together");
    assertThat(out).doesNotExist();
  }

  @Test
  void aFailedExport_leavesNoPackAndNoPartialFolder() throws IOException {
    // A log whose entries file cannot be read as a file: the export fails after it has begun.
    Path log = tmp.resolve("log");
    try (Stream<Path> s = Files.walk(evidence)) {
      for (Path p : s.sorted().toList()) {
        Path to = log.resolve(evidence.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    Path entries = log.resolve(dev.aims.evidence.internal.FileLayout.ENTRIES_FILE);
    Files.delete(entries);
    Files.createDirectory(entries);
    Path out = tmp.resolve("target/pack");
    NoteSigner signer = NoteSigner.parse(Files.readString(skey));
    AimsRecords records = RecordsDirectory.load(RecordsDirectoryTest.SAMPLES);
    assertThatThrownBy(
            () ->
                AuditPack.builder()
                    .records(records)
                    .logDirectory(log)
                    .signer(signer)
                    .asOf(LocalDate.now())
                    .write(out))
        .isInstanceOf(Exception.class);
    assertThat(out).doesNotExist();
    try (Stream<Path> s = Files.list(out.getParent())) {
      assertThat(s.map(p -> p.getFileName().toString())).isEmpty();
    }
  }
}
