package dev.aims.cli;

import static dev.aims.cli.LogFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.cli.LogFixtures.Run;
import dev.aims.evidence.store.FileStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogCommandTest {
  @TempDir Path tmp;
  LogFixtures f;

  @BeforeEach
  void writeLog() throws IOException {
    f = new LogFixtures(tmp);
  }

  private static List<String> rows(Run r) {
    return r.out()
        .lines()
        .skip(1)
        .filter(l -> !l.endsWith(" records") && !l.endsWith(" record"))
        .toList();
  }

  @Test
  void show_printsEveryRecordInLogOrder() {
    Run r = run("log", "show", f.log.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out().lines().findFirst())
        .hasValueSatisfying(h -> assertThat(h).startsWith("INDEX"));
    List<String> rows = rows(r);
    assertThat(rows).hasSize(8);
    assertThat(rows.get(0))
        .startsWith("0 ")
        .contains("2026-03-01T09:30:00Z")
        .contains("ai-decision")
        .contains("credit-scoring")
        .contains("A.6.2.8")
        .contains("risk-gbm 4.2.0: decision 0 (confidence 0.87), approved by uw-117");
    assertThat(rows.get(3))
        .contains("monitoring-event")
        .contains("drift psi=0.21 (threshold 0.25)");
    assertThat(rows.get(7)).contains("drift psi=0.27 (threshold 0.25) BREACH");
    assertThat(r.out()).endsWith("8 records" + System.lineSeparator());
  }

  @Test
  void show_filtersBySystemTypeAndTime() {
    Run system = run("log", "show", f.log.toString(), "--system", "fraud-check");
    assertThat(rows(system)).hasSize(3).allMatch(l -> l.contains("fraud-check"));
    Run type = run("log", "show", f.log.toString(), "--type", "monitoring-event");
    assertThat(rows(type)).hasSize(2).allMatch(l -> l.contains("monitoring-event"));
    Run both =
        run(
            "log",
            "show",
            f.log.toString(),
            "--type",
            "ai-decision,monitoring-event",
            "--system",
            "credit-scoring");
    assertThat(rows(both)).hasSize(5);
    Run window =
        run(
            "log",
            "show",
            f.log.toString(),
            "--from",
            "2026-03-01T09:32:00Z",
            "--to",
            "2026-03-01T09:35:00Z");
    // Decisions 2, 3, 4 and the drift at 09:31:30 is before the window.
    assertThat(rows(window)).extracting(l -> l.split(" +")[0]).containsExactly("2", "4", "5");
    Run day = run("log", "show", f.log.toString(), "--from", "2026-03-02");
    assertThat(rows(day)).isEmpty();
    assertThat(day.out()).contains("0 records");
  }

  @Test
  void show_json_printsTheExactLeafOfEachRecord() throws IOException {
    Run r = run("log", "show", f.log.toString(), "--json", "--type", "ai-decision");
    assertThat(r.code()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(6);
    try (FileStore store = FileStore.openReadOnly(f.log)) {
      assertThat(lines.get(0))
          .isEqualTo(
              "{\"index\":0,\"record\":"
                  + new String(store.entry(0), StandardCharsets.UTF_8)
                  + "}");
      assertThat(lines.get(3))
          .isEqualTo(
              "{\"index\":4,\"record\":"
                  + new String(store.entry(4), StandardCharsets.UTF_8)
                  + "}");
    }
  }

  @Test
  void show_help_listsEveryRecordType() {
    String help = run("log", "show", "--help").out().replaceAll("\\s+", " ");
    String ids =
        java.util.Arrays.stream(dev.aims.evidence.record.RecordType.values())
            .map(dev.aims.evidence.record.RecordType::id)
            .collect(java.util.stream.Collectors.joining(", "));
    assertThat(help)
        .contains("Only records of these types (repeat or separate by commas): " + ids + ".");
  }

  @Test
  void show_rejectsBadFiltersNamingTheValue() {
    Run type = run("log", "show", f.log.toString(), "--type", "decisionz");
    assertThat(type.code()).isEqualTo(2);
    assertThat(type.err()).contains("unknown record type 'decisionz'");
    Run time = run("log", "show", f.log.toString(), "--from", "yesterday");
    assertThat(time.code()).isEqualTo(2);
    assertThat(time.err()).contains("--from: 'yesterday' is neither an instant");
    Run system = run("log", "show", f.log.toString(), "--system", "Bad System");
    assertThat(system.code()).isEqualTo(2);
    assertThat(system.err()).contains("'Bad System'");
    Run notALog = run("log", "show", tmp.toString());
    assertThat(notALog.code()).isEqualTo(2);
    assertThat(notALog.err()).contains("is not an evidence log directory");
  }

  @Test
  void show_failsOnAnEntryThatIsNoEvidenceRecord() throws IOException {
    try (FileStore store = FileStore.open(f.log)) {
      store.append(List.of("{\"x\":1}".getBytes(StandardCharsets.UTF_8)));
      store.sync();
    }
    Run r = run("log", "show", f.log.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("FAILED: ").contains("entry 8");
    assertThat(rows(r)).hasSize(8);
  }
}
