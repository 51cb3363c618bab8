package dev.aims.cli;

import static dev.aims.cli.LogFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.cli.LogFixtures.Run;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.store.FileStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCommandTest {
  @TempDir Path tmp;
  LogFixtures f;

  @BeforeEach
  void writeLog() throws IOException {
    f = new LogFixtures(tmp);
  }

  @Test
  void sample_writesProofsThatVerifyProofAccepts_andPrintsTheTable() throws IOException {
    Path out = tmp.resolve("sample");
    Run r =
        run(
            "sample",
            f.log.toString(),
            "--count",
            "3",
            "--seed",
            "ACME-stage2",
            "--out",
            out.toString(),
            "--key",
            f.vkey.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "sample of 3 from 8 matching records (filters: none), seed \"ACME-stage2\", drawn by"
                + " aims-sample/v1\n")
        .contains("checkpoint example.com/aims/credit size 8 root ")
        .contains(", signature checked with key " + LogFixtures.SIGNER.verifier().keyName())
        .contains("index  occurred at")
        .contains("wrote 3 proofs, sample.md and sample.json to " + out + "\n");
    List<Path> proofs;
    try (Stream<Path> s = Files.list(out)) {
      proofs = s.filter(p -> p.toString().endsWith(".tlog-proof")).sorted().toList();
    }
    assertThat(proofs).hasSize(3);
    for (Path p : proofs) {
      Run check = run("verify-proof", p.toString(), "--key", f.vkey.toString());
      assertThat(check.code()).as(check.err()).isZero();
      assertThat(check.out()).contains("is in log example.com/aims/credit at tree size 8");
      String index = p.getFileName().toString().replaceAll("\\D", "");
      assertThat(r.out()).containsPattern("(?m)^" + index + " +2026-03-01T");
    }
    assertThat(out.resolve("sample.md")).exists();
    assertThat(out.resolve("sample.json")).exists();
  }

  @Test
  void sample_sameSeed_sameProofFiles_withFilters() throws IOException {
    String[] args = {
      "--count", "2", "--seed", "s-1", "--type", "ai-decision", "--system", "fraud-check"
    };
    Run a = sample(tmp.resolve("a"), args);
    Run b = sample(tmp.resolve("b"), args);
    assertThat(a.code()).as(a.err()).isZero();
    assertThat(b.code()).isZero();
    assertThat(names(tmp.resolve("a"))).isEqualTo(names(tmp.resolve("b")));
    // fraud-check decisions are records 1, 4 and 6 of the fixture (decisions 1, 3, 5).
    assertThat(names(tmp.resolve("a")))
        .filteredOn(n -> n.endsWith(".tlog-proof"))
        .allSatisfy(
            n ->
                assertThat(n)
                    .isIn("record-1.tlog-proof", "record-4.tlog-proof", "record-6.tlog-proof"));
    assertThat(a.out())
        .contains("from 3 matching records (filters: type ai-decision, system fraud-check)")
        .contains("signature not checked (give --key VKEY to check it)");
  }

  @Test
  void sample_badInput_exits2_namingTheProblem() throws IOException {
    Run zero = sample(tmp.resolve("o1"), "--count", "0", "--seed", "s");
    assertThat(zero.code()).isEqualTo(2);
    assertThat(zero.err()).contains("FAILED: count must be at least 1, was 0");
    Run negative = sample(tmp.resolve("o2"), "--count", "-2", "--seed", "s");
    assertThat(negative.code()).isEqualTo(2);
    assertThat(negative.err()).contains("count must be at least 1, was -2");
    Run system = sample(tmp.resolve("o3"), "--count", "1", "--seed", "s", "--system", "hr-bot");
    assertThat(system.code()).isEqualTo(2);
    assertThat(system.err())
        .contains("system 'hr-bot' has no record in log")
        .contains("its AI systems: credit-scoring, fraud-check");
    Run type = sample(tmp.resolve("o4"), "--count", "1", "--seed", "s", "--type", "decision");
    assertThat(type.code()).isEqualTo(2);
    assertThat(type.err()).contains("--type: unknown record type 'decision'");
    Run many = sample(tmp.resolve("o5"), "--count", "9", "--seed", "s");
    assertThat(many.code()).isEqualTo(2);
    assertThat(many.err()).contains("count 9 is more than the 8 records that match");
    Path missing = tmp.resolve("nowhere");
    Run dir =
        run(
            "sample",
            missing.toString(),
            "--count",
            "1",
            "--seed",
            "s",
            "--out",
            tmp.resolve("o6").toString());
    assertThat(dir.code()).isEqualTo(2);
    assertThat(dir.err()).contains("source " + missing + " is not a directory");
    Path full = tmp.resolve("full");
    Files.createDirectories(full);
    Files.writeString(full.resolve("x"), "x");
    Run nonEmpty = sample(full, "--count", "1", "--seed", "s");
    assertThat(nonEmpty.code()).isEqualTo(2);
    assertThat(nonEmpty.err()).contains("sample directory " + full + " is not empty");
    for (String o : List.of("o1", "o2", "o3", "o4", "o5", "o6")) {
      assertThat(tmp.resolve(o)).doesNotExist();
    }
  }

  @Test
  void sample_aCheckpointThatDoesNotVerify_orNoCheckpoint_exits1() throws IOException {
    NoteSigner other = NoteSigner.generate("example.com/aims/evidence");
    Run wrongKey =
        sample(tmp.resolve("w"), "--count", "1", "--seed", "s", "--key", other.verifier().vkey());
    assertThat(wrongKey.code()).isEqualTo(1);
    assertThat(wrongKey.err()).contains("does not verify with key example.com/aims/evidence");
    assertThat(tmp.resolve("w")).doesNotExist();
    Path bare = tmp.resolve("bare");
    try (FileStore store = FileStore.open(bare)) {
      store.append(List.of("{\"x\":1}".getBytes(StandardCharsets.UTF_8)));
      store.sync();
    }
    Run none =
        run(
            "sample",
            bare.toString(),
            "--count",
            "1",
            "--seed",
            "s",
            "--out",
            tmp.resolve("n").toString());
    assertThat(none.code()).isEqualTo(1);
    assertThat(none.err()).contains("has no signed checkpoint yet");
  }

  private Run sample(Path out, String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "sample";
    all[1] = f.log.toString();
    all[2] = "--out";
    all[3] = out.toString();
    System.arraycopy(args, 0, all, 4, args.length);
    return run(all);
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
