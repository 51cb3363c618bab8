package dev.aims.cli;

import static dev.aims.cli.RecordsDirectoryCommands.DIR;
import static dev.aims.cli.RecordsDirectoryCommands.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aims.cli.RecordsDirectoryCommands.Run;
import dev.aims.core.json.AimsJson;
import dev.aims.evidence.internal.FileLayout;
import dev.aims.evidence.note.NoteSigner;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --log}, {@code --key} and {@code --evidence-window} of soa, gap and readiness. */
class EvidenceLogOptionsTest {
  @TempDir Path tmp;
  private LogFixtures fx;

  @BeforeEach
  void log() throws IOException {
    fx = new LogFixtures(tmp);
  }

  private Run withLog(String command, String... more) {
    String[] args = new String[5 + more.length];
    args[0] = command;
    args[1] = DIR;
    args[2] = "--log";
    args[3] = fx.log.toString();
    args[4] = "--key=" + fx.vkey;
    System.arraycopy(more, 0, args, 5, more.length);
    return run(args);
  }

  @Test
  void soa_withALog_printsTheEvidenceReferenceColumn() {
    Run r = withLog("soa", "--date", "2026-03-01");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Evidence log example.com/aims/credit at size 8 (verified signed checkpoint)")
        .contains("Evidence reference (log)")
        .contains("no record in the log");
    assertThat(r.out().lines().filter(l -> l.startsWith("A.6.2.6 ")).findFirst().orElseThrow())
        .contains("2 records, 2026-03-01 09:31–09:37, log");
    Run plain = run("soa", DIR, "--date", "2026-03-01");
    assertThat(plain.out())
        .doesNotContain("Evidence reference (log)")
        .doesNotContain("verified signed checkpoint");
  }

  @Test
  void soa_json_withALog_holdsTheStatementAndTheCoverage() throws IOException {
    JsonNode json = AimsJson.mapper().readTree(withLog("soa", "--json").out());
    assertThat(json.get("statement").get("entries")).isNotEmpty();
    assertThat(json.get("evidenceCoverage").get("checkpoint").get("size").asLong()).isEqualTo(8);
  }

  @Test
  void gap_withALog_marksAStaleImplementedControlAmber_namingWindowAndLastEvidence() {
    Run r = withLog("gap", "--date", "2026-11-30", "--json");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains(
            "A.6.2.6 is marked implemented, but the evidence log shows no record citing it for"
                + " credit-scoring, customer-assistant in the last 30 days (2026-11-01 to"
                + " 2026-11-30); last evidence: 2026-03-01");
    Run text = withLog("gap", "--date", "2026-11-30", "--evidence-window", "300");
    assertThat(text.out())
        .contains("evidence window: the last 300 days (2026-02-04 to 2026-11-30)")
        .doesNotContain("A.6.2.6 is marked implemented, but");
    assertThat(run("gap", DIR, "--date", "2026-11-30").out())
        .doesNotContain("verified signed checkpoint")
        .doesNotContain("A.6.2.6 is marked implemented, but");
  }

  @Test
  void readiness_withALog_judgesTheAiSystemRecords() {
    Run r = withLog("readiness", "--date", "2026-03-10");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("AI system records in the evidence log")
        .contains(
            "customer-assistant is in operation but has no record in the evidence log in the last"
                + " 30 days (2026-02-09 to 2026-03-10)");
    assertThat(run("readiness", DIR, "--date", "2026-03-10").out())
        .doesNotContain("AI system records in the evidence log");
  }

  @Test
  void aBadLogPath_isNamedInTheError_withExitCode2() {
    Path missing = tmp.resolve("no-such-log");
    Run r = run("gap", DIR, "--log", missing.toString(), "--key", fx.vkey.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("aims: evidence log " + missing + ": is not a directory");
    Run notALog = run("soa", DIR, "--log", tmp.toString(), "--key", fx.vkey.toString());
    assertThat(notALog.code()).isEqualTo(2);
    assertThat(notALog.err()).contains(tmp + ": is not an evidence log directory (no FORMAT file)");
  }

  @Test
  void aTamperedLog_isRefusedWithExitCode1() throws IOException {
    try (RandomAccessFile f =
        new RandomAccessFile(fx.log.resolve(FileLayout.NODES_FILE).toFile(), "rw")) {
      f.seek(0);
      int b = f.read();
      f.seek(0);
      f.write(b ^ 1);
    }
    Run r = withLog("readiness");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("does not verify").contains("LEAF_HASH");
  }

  @Test
  void theOptionsGoTogether() throws IOException {
    Run noKey = run("gap", DIR, "--log", fx.log.toString());
    assertThat(noKey.code()).isEqualTo(2);
    assertThat(noKey.err()).contains("--log needs the log's verifier key: --key VKEY");
    Run noLog = run("gap", DIR, "--key", fx.vkey.toString());
    assertThat(noLog.code()).isEqualTo(2);
    assertThat(noLog.err()).contains("--key needs --log LOGDIR");
    assertThat(run("readiness", DIR, "--evidence-window", "7").err())
        .contains("--evidence-window needs --log LOGDIR");
    assertThat(withLog("gap", "--evidence-window", "0").err())
        .contains("--evidence-window must be at least 1 day, was 0");
    Path other = tmp.resolve("other.vkey");
    Files.writeString(other, NoteSigner.generate("someone.else/log").verifier().vkey() + "\n");
    Run wrongKey = run("gap", DIR, "--log", fx.log.toString(), "--key", other.toString());
    assertThat(wrongKey.code()).isEqualTo(1);
    assertThat(wrongKey.err()).contains("SIGNATURE");
  }
}
