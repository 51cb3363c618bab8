package dev.aims.benchmarks.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.benchmarks.report.ResultTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresBenchReportTest {
  @TempDir Path dir;

  private static String row(String method, int processes, double perIteration) {
    return "{\"benchmark\":\"dev.aims.benchmarks.postgres.PostgresAppendBenchmark."
        + method
        + "\",\"mode\":\"thrpt\",\"threads\":1,\"forks\":1,\"params\":{\"batch\":\"1024\","
        + "\"processes\":\""
        + processes
        + "\",\"window\":\"256\"},\"primaryMetric\":{\"score\":"
        + perIteration
        + ",\"scoreError\":1.0,\"scoreUnit\":\"ops/s\",\"rawData\":[["
        + perIteration
        + ","
        + perIteration
        + "]]}}";
  }

  private ResultTable run(String name, double log4, double plain4) throws Exception {
    List<String> rows = new ArrayList<>();
    rows.add(row("pgLogAsync", 4, log4));
    rows.add(row("pgPlainInsert", 4, plain4));
    rows.add(row("pgLogDurable", 4, 300));
    rows.add(row("fileLogAsync", 1, 100_000));
    Path file = dir.resolve(name);
    Files.writeString(file, "[" + String.join(",", rows) + "]");
    return ResultTable.read(file);
  }

  @Test
  void tables_takeRatiosWithinEachRunThenTheMedianAndSpread() throws Exception {
    List<ResultTable> runs =
        List.of(
            run("a.json", 30_000, 60_000),
            run("b.json", 10_000, 40_000),
            run("c.json", 40_000, 50_000));

    String md = PostgresBenchReport.tables(runs);

    assertThat(md)
        .contains("| pgLogAsync | 4 | 30,000 | 10,000 | 40,000 | 30,000 | 10,000–40,000 |");
    // Ratios per run: 0.50, 0.25, 0.80; their median, not the ratio of the medians (0.60).
    assertThat(md)
        .contains(
            "| pgLogAsync / pgPlainInsert | 4 | 0.50× | 0.25× | 0.80× | 0.50× | 0.25×–0.80× |");
    assertThat(md)
        .contains("| pgLogAsync / fileLogAsync (1 process) | 4 | 0.30× | 0.10× | 0.40× |");
    assertThat(md).contains("| pgLogDurable | 1 | not run | not run | not run | not run |  |");
    assertThat(md).contains("| pgLogDurable / pgPlainInsert | 4 | 0.005× |");
    assertThat(md)
        .contains(
            "| pgLogAsync, 4 processes ≥ 20,000 acknowledged records/s | 30,000 records/s | yes |");
    assertThat(md).contains("| pgLogAsync ≥ 0.5× pgPlainInsert, 4 processes | 0.50× | yes |");
  }

  @Test
  void tables_judgeAMissedGoal() throws Exception {
    String md = PostgresBenchReport.tables(List.of(run("a.json", 15_000, 40_000)));

    assertThat(md).contains("| 15,000 records/s | NO |");
    assertThat(md).contains("| 0.38× | NO |");
  }
}
