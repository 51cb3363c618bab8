package dev.aims.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aims.audit.pack.AuditPack;
import dev.aims.audit.pack.PackProblem;
import dev.aims.audit.pack.PackVerification;
import dev.aims.core.json.AimsJson;
import dev.aims.evidence.internal.FileLayout;
import dev.aims.evidence.note.NoteVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An audit pack's verification, export and log listing: the pack verifies with its log's key, and
 * one changed byte in the log or in a record file makes verification fail, naming the record or the
 * file.
 */
@ExtendWith(SamplePack.Resolver.class)
class AuditPackTest {
  static Path dir;
  static Path pack;
  static NoteVerifier key;

  @BeforeAll
  static void readSample(SamplePack sample) throws IOException {
    dir = sample.dir;
    pack = sample.pack;
    key = NoteVerifier.parse(Files.readString(dir.resolve("keys/log.vkey")).trim());
  }

  @Test
  void pack_verifiesWithTheLogKey() {
    PackVerification r = AuditPack.verify(pack, key);
    assertThat(r.problems()).isEmpty();
    assertThat(r.ok()).isTrue();
    // 300 decisions and the monitoring events.
    assertThat(r.log().orElseThrow().entries()).isGreaterThan(SamplePack.DECISIONS);
    assertThat(r.log().orElseThrow().checkpoints()).isGreaterThanOrEqualTo(2);
    assertThat(pack.resolve("log/private")).doesNotExist();
  }

  @Test
  void pack_failsWithAnotherKey() {
    NoteVerifier other = dev.aims.evidence.note.NoteSigner.generate(key.name()).verifier();
    PackVerification r = AuditPack.verify(pack, other);
    assertThat(r.ok()).isFalse();
    assertThat(r.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.kind()).isEqualTo(PackProblem.Kind.MANIFEST_SIGNATURE))
        .satisfies(p -> assertThat(p.file()).isEqualTo("MANIFEST"));
  }

  @Test
  void changedLogByte_failsNamingTheRecordIndex() throws IOException {
    Path data = pack.resolve("log").resolve(FileLayout.ENTRIES_FILE);
    Path index = pack.resolve("log").resolve(FileLayout.INDEX_FILE);
    byte[] idx = Files.readAllBytes(index);
    // Entry 42's frame starts where the index says: a head, the entry, a CRC-32C.
    long start = ByteBuffer.wrap(idx, 42 * FileLayout.INDEX_WIDTH, 8).getLong();
    int length = ByteBuffer.wrap(Files.readAllBytes(data)).getInt((int) start);
    int at = (int) start + 4 + length / 2;
    withByteChanged(
        data,
        at,
        () -> {
          PackVerification r = AuditPack.verify(pack, key);
          assertThat(r.ok()).isFalse();
          assertThat(r.problems())
              .anyMatch(
                  p ->
                      p.kind() == PackProblem.Kind.FILE_CHANGED
                          && p.file().equals("log/entries.data"))
              .anyMatch(
                  p ->
                      p.kind() == PackProblem.Kind.LOG
                          && p.index().equals(java.util.OptionalLong.of(42)));
        });
    assertThat(AuditPack.verify(pack, key).ok()).isTrue();
  }

  @Test
  void changedRecordByte_failsNamingTheFile() throws IOException {
    Path record = pack.resolve("records/risks/R-001.json");
    withByteChanged(
        record,
        20,
        () -> {
          PackVerification r = AuditPack.verify(pack, key);
          assertThat(r.ok()).isFalse();
          assertThat(r.problems())
              .singleElement()
              .satisfies(p -> assertThat(p.kind()).isEqualTo(PackProblem.Kind.FILE_CHANGED))
              .asString()
              .startsWith("records/risks/R-001.json: content differs");
          StringWriter out = new StringWriter();
          StringWriter err = new StringWriter();
          int exit =
              Aims.run(
                  new PrintWriter(out),
                  new PrintWriter(err),
                  "verify",
                  pack.toString(),
                  "--key",
                  dir.resolve("keys/log.vkey").toString());
          assertThat(exit).isEqualTo(1);
          assertThat(err.toString()).contains("records/risks/R-001.json");
        });
  }

  @Test
  void addedFile_failsNamingTheFile() throws IOException {
    Path extra = pack.resolve("reports/extra.md");
    Files.writeString(extra, "not from the exporter\n");
    try {
      assertThat(AuditPack.verify(pack, key).problems())
          .map(PackProblem::toString)
          .containsExactly("reports/extra.md: not listed in the manifest");
    } finally {
      Files.delete(extra);
    }
  }

  @Test
  void export_writesAPackFromTheLogAndRecordsThatVerifies() throws IOException {
    Path again = dir.resolve("exported");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Aims.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "export",
            dir.resolve("evidence").toString(),
            "--out",
            again.toString(),
            "--records",
            pack.resolve("records/aims-records.json").toString(),
            "--key",
            dir.resolve("keys/log.skey").toString());
    assertThat(exit).as(out + "" + err).isZero();
    assertThat(out.toString()).startsWith("OK audit pack");
    assertThat(again.resolve("records/aims-records.json"))
        .hasSameTextualContentAs(pack.resolve("records/aims-records.json"));
    assertThat(again.resolve("log/private")).doesNotExist();
  }

  @Test
  void packVerify_withoutKey_usesThePacksKeyAndWarns() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Aims.run(new PrintWriter(out), new PrintWriter(err), "pack", "verify", pack.toString());
    assertThat(exit).isZero();
    assertThat(out.toString()).startsWith("OK audit pack");
    assertThat(err.toString()).contains("warning").contains("obtained independently");
  }

  @Test
  void logShow_monitoringEventsAsJson_listsBothMetricsAndTheDriftBreach() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Aims.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "log",
            "show",
            dir.resolve("evidence").toString(),
            "--type",
            "monitoring-event",
            "--json");
    assertThat(exit).as(err.toString()).isZero();
    List<JsonNode> lines =
        out.toString()
            .lines()
            .map(
                l -> {
                  try {
                    return AimsJson.mapper().readTree(l);
                  } catch (IOException e) {
                    throw new UncheckedIOException(l, e);
                  }
                })
            .toList();
    assertThat(lines).hasSize(6);
    List<Long> indices = new ArrayList<>();
    for (JsonNode line : lines) {
      indices.add(line.get("index").asLong());
      JsonNode record = line.get("record");
      assertThat(record.get("type").asText()).isEqualTo("monitoring-event");
      assertThat(record.get("system").asText()).isEqualTo(SamplePack.SYSTEM);
    }
    assertThat(indices).isSorted().doesNotHaveDuplicates();
    assertThat(lines.stream().map(l -> l.at("/record/body/metric").asText()).distinct())
        .containsExactlyInAnyOrder(SamplePack.PSI, SamplePack.RATIO);
    assertThat(lines)
        .anyMatch(
            l ->
                l.at("/record/body/metric").asText().equals(SamplePack.PSI)
                    && l.at("/record/body/kind").asText().equals("DRIFT")
                    && l.at("/record/body/breach").asBoolean());
  }

  @Test
  void verifyCommand_onTheIntactPack_exitsZeroAndPrintsOk() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Aims.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "verify",
            pack.toString(),
            "--key",
            dir.resolve("keys/log.vkey").toString());
    assertThat(exit).as(out + "" + err).isZero();
    PackVerification r = AuditPack.verify(pack, key);
    assertThat(out.toString())
        .startsWith("OK audit pack " + pack + ": manifest signed by " + key.name() + "; ")
        .contains(r.files() + " files match")
        .contains("log " + r.log().orElseThrow().entries() + " entries")
        .doesNotContain("FAILED");
    assertThat(err.toString()).isEmpty();
  }

  interface Check {
    void run() throws IOException;
  }

  static void withByteChanged(Path file, int offset, Check check) throws IOException {
    byte[] original = Files.readAllBytes(file);
    byte[] changed = original.clone();
    changed[offset] ^= 0x01;
    Files.write(file, changed);
    try {
      check.run();
    } finally {
      Files.write(file, original);
    }
  }
}
