package dev.aims.audit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aims.core.json.AimsJson;
import dev.aims.evidence.internal.FileLayout;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.proof.TlogProof;
import dev.aims.evidence.record.RecordType;
import dev.aims.evidence.store.FileStore;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplerTest {
  static final int SIZE = 60;

  @TempDir static Path shared;
  static Path log;

  @TempDir Path tmp;

  @BeforeAll
  static void writeLog() {
    log = SampleLogs.write(shared.resolve("log"), SIZE);
  }

  static Sampler.Builder sampler(String seed, int count) {
    return Sampler.builder().source(log).seed(seed).count(count);
  }

  static List<Long> indexes(Sample s) {
    return s.records().stream().map(SampledRecord::index).toList();
  }

  @Test
  void draw_sameSeed_sameIndexes_differentSeed_differentIndexes() throws IOException {
    List<Long> a = indexes(sampler("ACME-stage2-2026", 6).build().draw());
    List<Long> again = indexes(sampler("ACME-stage2-2026", 6).build().draw());
    List<Long> other = indexes(sampler("ACME-stage2-2027", 6).build().draw());
    assertThat(a).hasSize(6).isEqualTo(again).isSorted().doesNotHaveDuplicates();
    assertThat(other).hasSize(6).isNotEqualTo(a);
  }

  /**
   * Fixes the algorithm: the indexes are recomputed here from the description on {@link Sampler}
   * alone, with big integers instead of the implementation's long arithmetic.
   */
  @Test
  void draw_followsTheDocumentedAlgorithm() throws IOException {
    String seed = "ISO42001-9.2-audit";
    Sample s = sampler(seed, 4).type(RecordType.AI_DECISION).system("fraud-check").build().draw();
    List<Long> population = new ArrayList<>();
    for (long i = 0; i < SIZE; i++) {
      if (SampleLogs.typeOf(i) == RecordType.AI_DECISION
          && SampleLogs.systemOf(i).equals("fraud-check")) {
        population.add(i);
      }
    }
    List<Long> expected = new ArrayList<>();
    for (long rank : reference(seed, population.size(), 4)) {
      expected.add(population.get((int) rank));
    }
    assertThat(s.population()).isEqualTo(population.size());
    assertThat(indexes(s)).isEqualTo(expected);
    assertThat(indexes(s).get(0)).isEqualTo(expected.get(0));
  }

  @Test
  void draw_withoutFilters_followsTheDocumentedAlgorithm_forManySeeds() throws IOException {
    for (int k = 0; k < 20; k++) {
      String seed = "seed " + k;
      Sample s = sampler(seed, 7).build().draw();
      assertThat(indexes(s)).as(seed).isEqualTo(new ArrayList<>(reference(seed, SIZE, 7)));
    }
  }

  /** The documented algorithm, written from its description. */
  static TreeSet<Long> reference(String seed, long m, int n) {
    BigInteger twoTo63 = BigInteger.ONE.shiftLeft(63);
    long[] k = {0};
    TreeSet<Long> t = new TreeSet<>();
    for (long j = m - n; j < m; j++) {
      BigInteger b = BigInteger.valueOf(j + 1);
      BigInteger limit = twoTo63.subtract(twoTo63.mod(b));
      BigInteger w;
      do {
        byte[] h = sha256("aims-sample/v1\n" + seed + "\n" + k[0]++);
        w = new BigInteger(1, Arrays.copyOf(h, 8)).shiftRight(1);
      } while (w.compareTo(limit) >= 0);
      long r = w.mod(b).longValueExact();
      t.add(t.contains(r) ? j : r);
    }
    return t;
  }

  static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void draw_filtersByTypeAndSystem_andDescribesTheRecords() throws IOException {
    Sample s = sampler("x", 5).type(RecordType.AI_DECISION).system("hiring").build().draw();
    // Indexes with i % 3 == 2 and i % 4 in {0, 1}: 5, 8, 17, 20, 29, 32, 41, 44, 53, 56.
    assertThat(s.population()).isEqualTo(10);
    assertThat(s.records())
        .hasSize(5)
        .allSatisfy(
            r -> {
              assertThat(r.type()).isEqualTo(RecordType.AI_DECISION);
              assertThat(r.system()).isEqualTo("hiring");
              assertThat(SampleLogs.systemOf(r.index())).isEqualTo("hiring");
              assertThat(r.decision()).contains("decision " + r.index());
              assertThat(r.oversight())
                  .isEqualTo(
                      r.index() % 4 == 0
                          ? java.util.Optional.of("approved")
                          : java.util.Optional.empty());
              assertThat(r.occurredAt()).isEqualTo(SampleLogs.T0.plusSeconds(60 * r.index()));
              assertThat(r.proofFile()).isEqualTo("record-" + r.index() + ".tlog-proof");
            });
    Sample actions = sampler("x", 3).type(RecordType.OVERSIGHT_ACTION).build().draw();
    assertThat(actions.records())
        .allSatisfy(
            r -> {
              assertThat(SampleLogs.typeOf(r.index())).isEqualTo(RecordType.OVERSIGHT_ACTION);
              assertThat(r.decision()).isEmpty();
              assertThat(r.oversight()).contains("rejected");
            });
  }

  @Test
  void draw_countEqualToThePopulation_takesEveryMatchingRecord() throws IOException {
    Sample s = sampler("all", 15).type(RecordType.MONITORING_EVENT).build().draw();
    assertThat(indexes(s)).isEqualTo(LongStream.range(0, 15).map(i -> 4 * i + 2).boxed().toList());
  }

  @Test
  void draw_countAboveThePopulation_isRefusedWithThePopulation() {
    assertThatThrownBy(
            () -> sampler("x", 11).system("hiring").type(RecordType.AI_DECISION).build().draw())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "count 11 is more than the 10 records that match (filters: type ai-decision, system"
                + " hiring)")
        .hasMessageContaining("ask for at most 10");
  }

  @Test
  void draw_unknownSystem_isRefusedNamingItAndTheLogsSystems() {
    assertThatThrownBy(() -> sampler("x", 1).system("credit-scorng").build().draw())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("system 'credit-scorng' has no record in log")
        .hasMessageContaining("its AI systems: credit-scoring, fraud-check, hiring");
  }

  @Test
  void builder_refusesBadCountsAndSeeds() {
    assertThatThrownBy(() -> Sampler.builder().count(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must be at least 1, was 0");
    assertThatThrownBy(() -> Sampler.builder().count(-3))
        .hasMessage("count must be at least 1, was -3");
    assertThatThrownBy(() -> Sampler.builder().seed(" "))
        .hasMessage("seed must not be blank, was \" \"");
    assertThatThrownBy(() -> Sampler.builder().seed("a\nb"))
        .hasMessageContaining("must not contain control characters");
    assertThatThrownBy(() -> Sampler.builder().source(log).seed("s").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("count is not set");
  }

  @Test
  void draw_missingOrWrongSource_isRefusedNamingIt() throws IOException {
    Path missing = tmp.resolve("nowhere");
    assertThatThrownBy(() -> Sampler.builder().source(missing).seed("s").count(1).build().draw())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "source " + missing + " is not a directory (give a log directory or an audit pack)");
    Files.createDirectories(tmp.resolve("empty"));
    assertThatThrownBy(
            () -> Sampler.builder().source(tmp.resolve("empty")).seed("s").count(1).build().draw())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is neither an evidence log (no FORMAT) nor an audit pack");
  }

  @Test
  void draw_fromAnAuditPack_readsItsLog_andGivesTheSameSample() throws IOException {
    Path pack = tmp.resolve("pack");
    Path packLog = pack.resolve("log");
    Files.createDirectories(packLog);
    for (String f :
        List.of(
            FileLayout.FORMAT_FILE,
            FileLayout.ENTRIES_FILE,
            FileLayout.INDEX_FILE,
            FileLayout.NODES_FILE,
            FileLayout.CHECKPOINTS_FILE)) {
      Files.copy(log.resolve(f), packLog.resolve(f));
    }
    Files.writeString(pack.resolve("MANIFEST"), "not read by the sampler\n");
    Sample fromPack = Sampler.builder().source(pack).seed("p").count(5).build().draw();
    assertThat(indexes(fromPack)).isEqualTo(indexes(sampler("p", 5).build().draw()));
  }

  @Test
  void draw_logGrownSinceTheCheckpoint_drawsOverTheCheckpointOnly() throws IOException {
    Path grown = SampleLogs.write(tmp.resolve("grown"), 20);
    Sample before = Sampler.builder().source(grown).seed("g").count(20).build().draw();
    try (FileStore store = FileStore.open(grown)) {
      store.append(List.of("{\"x\":1}".getBytes(StandardCharsets.UTF_8)));
      store.sync();
    }
    Sample after = Sampler.builder().source(grown).seed("g").count(20).build().draw();
    assertThat(after).isEqualTo(before);
    assertThat(after.checkpointSize()).isEqualTo(20);
  }

  @Test
  void draw_logWithoutCheckpoint_isALogProblem() throws IOException {
    Path bare = tmp.resolve("bare");
    try (FileStore store = FileStore.open(bare)) {
      store.append(List.of("{\"x\":1}".getBytes(StandardCharsets.UTF_8)));
      store.sync();
    }
    assertThatThrownBy(() -> Sampler.builder().source(bare).seed("s").count(1).build().draw())
        .isInstanceOf(SampleException.class)
        .hasMessage(
            "log "
                + bare.toAbsolutePath().normalize()
                + " has no signed checkpoint yet; nothing can be sampled or proved");
  }

  @Test
  void draw_withTheLogsKey_recordsTheCheck_withAnotherKey_refusesTheCheckpoint()
      throws IOException {
    Sample checked = sampler("k", 2).verifier(SampleLogs.SIGNER.verifier()).build().draw();
    assertThat(checked.verifiedBy()).contains(SampleLogs.SIGNER.verifier().keyName());
    NoteSigner other = NoteSigner.generate("example.com/aims/evidence");
    assertThatThrownBy(() -> sampler("k", 2).verifier(other.verifier()).build().draw())
        .isInstanceOf(SampleException.class)
        .hasMessageContaining("does not verify with key example.com/aims/evidence");
    assertThat(sampler("k", 2).build().draw().verifiedBy()).isEmpty();
  }

  @Test
  void writeTo_writesProofsThatVerify_andBothSummaries() throws IOException {
    Path out = tmp.resolve("sample");
    Sample s = sampler("ACME", 8).build().writeTo(out);
    Set<String> expectedFiles = new LinkedHashSet<>();
    for (SampledRecord r : s.records()) {
      expectedFiles.add(r.proofFile());
      TlogProof p = TlogProof.parse(Files.readString(out.resolve(r.proofFile())));
      assertThat(p.index()).isEqualTo(r.index());
      assertThat(p.verify(SampleLogs.SIGNER.verifier()).size()).isEqualTo(SIZE);
      try (FileStore store = FileStore.openReadOnly(log)) {
        assertThat(p.extra()).hasValueSatisfying(e -> assertThat(e).isEqualTo(entry(store, r)));
      }
    }
    expectedFiles.add(Sampler.MARKDOWN_FILE);
    expectedFiles.add(Sampler.JSON_FILE);
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(expectedFiles);
    }
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("sample");
    }
    JsonNode json = AimsJson.mapper().readTree(out.resolve(Sampler.JSON_FILE).toFile());
    assertThat(json.get("algorithm").asText()).isEqualTo("aims-sample/v1");
    assertThat(json.get("seed").asText()).isEqualTo("ACME");
    assertThat(json.get("filters").size()).isZero();
    assertThat(json.at("/checkpoint/origin").asText()).isEqualTo(SampleLogs.ORIGIN);
    assertThat(json.at("/checkpoint/size").asLong()).isEqualTo(SIZE);
    assertThat(json.at("/checkpoint/root").asText()).isEqualTo(s.checkpointRoot());
    assertThat(json.get("population").asLong()).isEqualTo(SIZE);
    assertThat(json.get("records").size()).isEqualTo(8);
    JsonNode first = json.get("records").get(0);
    SampledRecord r0 = s.records().get(0);
    assertThat(first.get("index").asLong()).isEqualTo(r0.index());
    assertThat(first.get("occurredAt").asText()).isEqualTo(r0.occurredAt().toString());
    assertThat(first.get("type").asText()).isEqualTo(r0.type().id());
    assertThat(first.get("proofFile").asText()).isEqualTo(r0.proofFile());
    assertThat(first.has("decision")).isEqualTo(r0.decision().isPresent());
    String md = Files.readString(out.resolve(Sampler.MARKDOWN_FILE));
    assertThat(md)
        .contains("- Seed: ACME\n")
        .contains("- Filters: none\n")
        .contains("- Drawn: 8 of 60 matching records\n")
        .contains("| index | occurred at | type | system | decision | oversight | proof |\n");
    assertThat(md.lines().filter(l -> l.startsWith("| " + r0.index() + " | "))).hasSize(1);
  }

  static byte[] entry(FileStore store, SampledRecord r) {
    try {
      return store.entry(r.index());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void writeTo_refusesANonEmptyDirectoryOrAFile_andWritesNothing() throws IOException {
    Path full = tmp.resolve("full");
    Files.createDirectories(full);
    Files.writeString(full.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> sampler("s", 1).build().writeTo(full))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sample directory " + full + " is not empty; give a new or empty directory");
    Path file = tmp.resolve("file");
    Files.writeString(file, "x");
    assertThatThrownBy(() -> sampler("s", 1).build().writeTo(file))
        .hasMessage("sample directory " + file + " is a file; give a new or empty directory");
    try (Stream<Path> s = Files.list(full)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
    }
  }

  @Test
  void writeTo_anEmptyDirectory_isFilled_andAFailedDraw_leavesNothingBehind() throws IOException {
    Path empty = tmp.resolve("empty");
    Files.createDirectories(empty);
    sampler("s", 2).build().writeTo(empty);
    try (Stream<Path> s = Files.list(empty)) {
      assertThat(s.count()).isEqualTo(4);
    }
    Path failed = tmp.resolve("failed");
    assertThatThrownBy(() -> sampler("s", SIZE + 1).build().writeTo(failed))
        .isInstanceOf(IllegalArgumentException.class);
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("empty");
    }
  }

  @Test
  void proofFileNames_areNumbersOnly_andStayInside() {
    assertThat(Sampler.proofFileName(0)).isEqualTo("record-0.tlog-proof");
    assertThat(Sampler.proofFileName(Long.MAX_VALUE))
        .isEqualTo("record-9223372036854775807.tlog-proof");
    assertThatThrownBy(() -> Sampler.proofFileName(-1))
        .hasMessage("record index must not be negative, was -1");
    Path dir = Path.of("sample");
    assertThat(Sampler.inside(dir, "record-3.tlog-proof"))
        .isEqualTo(dir.toAbsolutePath().resolve("record-3.tlog-proof"));
    for (String bad : List.of("", "../x", "a/b", "/etc/passwd", ".", "..")) {
      assertThatThrownBy(() -> Sampler.inside(dir, bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is not a file name inside");
    }
  }

  @Test
  void markdown_escapesTableCells() {
    Sample s =
        new Sample(
            "seed|with `ticks`",
            Optional.empty(),
            Optional.of("sys"),
            "example.com/log",
            3,
            "AAAA",
            Optional.empty(),
            3,
            List.of(
                new SampledRecord(
                    1,
                    Instant.parse("2026-03-01T00:00:00Z"),
                    RecordType.AI_DECISION,
                    "sys",
                    Optional.of("a|b\nc *e* [x](javascript:y)"),
                    Optional.empty(),
                    "record-1.tlog-proof")));
    assertThat(s.markdown())
        .contains("- Seed: seed\\|with \\`ticks\\`\n")
        .contains(", signature not checked\n")
        .contains(
            "| 1 | 2026-03-01T00:00:00Z | ai-decision | sys | a\\|b c \\*e\\* \\[x\\](javascript:y)"
                + " |  | record-1.tlog-proof |\n");
  }
}
