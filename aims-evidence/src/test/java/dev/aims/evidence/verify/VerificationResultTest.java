package dev.aims.evidence.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.verify.VerificationResult.Layout;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerificationResultTest {
  private static final Path DIR = Path.of("logs", "ev");

  @Test
  void summary_ofAHoldingLog_countsInTheSingularAndPlural() {
    assertThat(
            new VerificationResult(Layout.AIMS_LOG, 3, 1, 812, List.of(), 0, List.of())
                .summary(DIR))
        .isEqualTo("OK: evidence log " + DIR + ": 3 entries, 1 checkpoint, 812 bytes\n");
    assertThat(
            new VerificationResult(Layout.TLOG_TILES, 1, 2, 1, List.of(), 0, List.of())
                .summary(DIR))
        .isEqualTo("OK: tlog-tiles log " + DIR + ": 1 entry, 2 checkpoints, 1 byte\n");
  }

  @Test
  void summary_ofAFailingLog_listsEachProblemAndCountsTheOmitted() {
    Problem hash = new Problem(Problem.Check.DATA, "data", 4, 120, "leaf hash differs");
    Problem root = new Problem(Problem.Check.LAYOUT, "checkpoint", -1, -1, "root differs");
    VerificationResult r =
        new VerificationResult(Layout.AIMS_LOG, 7, 2, 900, List.of(hash, root), 3, List.of());
    assertThat(r.summary(DIR))
        .isEqualTo(
            "FAILED: evidence log "
                + DIR
                + ": 5 problems (7 entries and 2 checkpoints read)\n"
                + "  DATA data entry 4 byte 120: leaf hash differs\n"
                + "  LAYOUT checkpoint: root differs\n"
                + "  ... and 3 more\n");
    assertThat(
            new VerificationResult(Layout.TLOG_TILES, 1, 0, 5, List.of(root), 0, List.of())
                .summary(DIR))
        .startsWith(
            "FAILED: tlog-tiles log " + DIR + ": 1 problem (1 entries and 0 checkpoints read)\n")
        .doesNotContain("more");
  }
}
