package dev.aims.cli;

import static dev.aims.cli.RecordsDirectoryCommands.DIR;
import static dev.aims.cli.RecordsDirectoryCommands.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.cli.RecordsDirectoryCommands.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoadmapCommandTest {
  @TempDir Path tmp;

  @Test
  void roadmap_listsTheFourHorizons() {
    Run r = run("roadmap", DIR, "--date", "2026-11-30");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("30 days, by 2026-12-30")
        .contains("60 days, by 2027-01-29")
        .contains("90 days, by 2027-02-28")
        .contains("Strategic, by 2027-11-30")
        .contains("Mandatory document");
  }
}
