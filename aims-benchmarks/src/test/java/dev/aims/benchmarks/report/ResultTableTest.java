package dev.aims.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultTableTest {
  @TempDir Path dir;

  private static String row(String method, String mode, int threads, String primary) {
    return "{\"benchmark\":\"dev.aims.benchmarks.LoggingBenchmark."
        + method
        + "\",\"mode\":\""
        + mode
        + "\",\"threads\":"
        + threads
        + ",\"forks\":2,\"params\":{},\"primaryMetric\":"
        + primary
        + ",\"secondaryMetrics\":{\"gc.alloc.rate.norm\":{\"score\":120.5,\"scoreUnit\":\"B/op\"}}}";
  }

  private static String throughput(double score, double... iterations) {
    StringBuilder raw = new StringBuilder("[[");
    for (int i = 0; i < iterations.length; i++) {
      raw.append(i > 0 ? "," : "").append(iterations[i]);
    }
    return "{\"score\":"
        + score
        + ",\"scoreError\":10.0,\"scoreUnit\":\"ops/s\",\"rawData\":"
        + raw
        + "]]}";
  }

  private ResultTable table(String... rows) throws Exception {
    Path file = dir.resolve("jmh.json");
    Files.writeString(file, "[" + String.join(",", rows) + "]");
    return ResultTable.read(file);
  }

  @Test
  void read_takesTheMedianOfAllIterations() throws Exception {
    ResultTable t = table(row("logbackJsonFile", "thrpt", 1, throughput(150, 100, 300, 200, 90)));

    BenchmarkResult r = t.find("logbackJsonFile").orElseThrow();
    assertThat(r.median()).isEqualTo(150.0);
    assertThat(r.score()).isEqualTo(150.0);
    assertThat(r.error()).isEqualTo(10.0);
    assertThat(r.allocBytesPerOp()).contains(120.5);
    assertThat(r.shortName()).isEqualTo("LoggingBenchmark.logbackJsonFile");
  }

  @Test
  void ratiosMarkdown_dividesMediansAndJudgesTheGoal() throws Exception {
    ResultTable t =
        table(
            row("evidenceLogAsync", "thrpt", 1, throughput(0, 300, 300, 300)),
            row("logbackJsonFile", "thrpt", 1, throughput(0, 100, 100, 100)),
            row("hashChainFile", "thrpt", 1, throughput(0, 600, 600, 600)));

    String md =
        t.ratiosMarkdown(
            List.of(
                Comparison.atLeast("evidenceLogAsync", "logbackJsonFile", 1.0),
                Comparison.atLeast("evidenceLogAsync", "hashChainFile", 1.0),
                Comparison.informational("evidenceLogAsync", "log4j2AsyncJsonFile")));

    assertThat(md).contains("| evidenceLogAsync | logbackJsonFile | 3.00× | ≥ 1.0× | yes |");
    assertThat(md).contains("| evidenceLogAsync | hashChainFile | 0.50× | ≥ 1.0× | NO |");
    assertThat(md).contains("| evidenceLogAsync | log4j2AsyncJsonFile | not run |");
  }

  @Test
  void ratio_invertsTimePerOperation() {
    BenchmarkResult fast = result("a", 2.0, "us/op");
    BenchmarkResult slow = result("b", 8.0, "us/op");

    assertThat(ResultTable.ratio(fast, slow)).isEqualTo(4.0);
    assertThatThrownBy(() -> ResultTable.ratio(fast, result("c", 1.0, "ops/s")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("us/op")
        .hasMessageContaining("ops/s");
  }

  @Test
  void goalsMarkdown_usesThePercentileOfSampleMode() throws Exception {
    String sample =
        "{\"score\":1.5,\"scoreError\":0.1,\"scoreUnit\":\"us/op\","
            + "\"scorePercentiles\":{\"50.0\":1.2,\"99.0\":4.5}}";
    ResultTable t = table(row("evidenceLogAsyncLatency", "sample", 1, sample));

    BenchmarkResult r = t.find("evidenceLogAsyncLatency").orElseThrow();
    assertThat(r.median()).isEqualTo(1.2);
    assertThat(r.p99()).contains(4.5);
    String md =
        t.goalsMarkdown(
            List.of(
                new Goal(
                    "p99 < 5 µs",
                    "evidenceLogAsyncLatency",
                    List.of(),
                    x -> x.p99().orElseThrow(),
                    "µs",
                    5,
                    false),
                new Goal(
                    "p99 < 4 µs",
                    "evidenceLogAsyncLatency",
                    List.of(),
                    x -> x.p99().orElseThrow(),
                    "µs",
                    4,
                    false),
                new Goal("missing", "nothing", List.of(), x -> 0, "x", 1, true)));
    assertThat(md).contains("| p99 < 5 µs | evidenceLogAsyncLatency | 4.500 µs | yes |");
    assertThat(md).contains("| p99 < 4 µs | evidenceLogAsyncLatency | 4.500 µs | NO |");
    assertThat(md).contains("| missing | nothing | not run | not run |");
  }

  @Test
  void find_matchesParameters() throws Exception {
    String withParams =
        "{\"benchmark\":\"x.ProofBenchmark.inclusionProofStoredNodes\",\"mode\":\"avgt\","
            + "\"threads\":1,\"params\":{\"size\":\"%s\"},\"primaryMetric\":"
            + "{\"score\":%s,\"scoreError\":0.1,\"scoreUnit\":\"us/op\",\"rawData\":[[%s]]}}";
    ResultTable t =
        table(
            String.format(withParams, "1000", "3.0", "3.0"),
            String.format(withParams, "100000000", "40.0", "40.0"));

    assertThat(t.find("inclusionProofStoredNodes", "size=100000000").orElseThrow().median())
        .isEqualTo(40.0);
    assertThat(t.find("inclusionProofStoredNodes", "size=5")).isEmpty();
    assertThat(t.resultsMarkdown())
        .contains("ProofBenchmark.inclusionProofStoredNodes (size=1000)");
  }

  @Test
  void read_rejectsAFileThatIsNotAJmhResult() throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"benchmark\":1}");

    assertThatThrownBy(() -> ResultTable.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString());
  }

  private static BenchmarkResult result(String name, double median, String unit) {
    return new BenchmarkResult(
        "p.C." + name,
        "avgt",
        1,
        java.util.Map.of(),
        median,
        0,
        median,
        java.util.Optional.empty(),
        unit,
        java.util.Optional.empty());
  }
}
