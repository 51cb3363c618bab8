package dev.aims.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aims.audit.report.ReportStats;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit pack's HTML report: self-contained, with the heat maps, the 38 SoA rows, readiness and
 * the verification result; rendered in a real headless Chromium and checked as a DOM and as a
 * screenshot. Without Chromium the browser tests are skipped on a developer's machine and fail in
 * CI (the environment variable {@code CI} set to {@code true}), where {@code .ci/run} installs it.
 */
@ExtendWith(SamplePack.Resolver.class)
class HtmlReportTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final int WIDTH = 1280;
  static final int HEIGHT = 2000;

  @TempDir static Path dir;
  static Path report;
  static String html;
  static SamplePack sample;

  @BeforeAll
  static void readPack(SamplePack pack) throws IOException {
    sample = pack;
    report = pack.pack.resolve("report.html");
    html = Files.readString(report, StandardCharsets.UTF_8);
  }

  /**
   * Skips the calling test without Chromium, except in CI, where a skip would hide a missed test.
   */
  static void requireChromium() {
    boolean present = Files.isExecutable(CHROMIUM);
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      assertThat(present)
          .as("CI=true but %s is not installed (.ci/run installs it)", CHROMIUM)
          .isTrue();
    }
    assumeTrue(present, "chromium is not installed");
  }

  @Test
  void report_isSelfContained() {
    assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("src=");
    assertThat(html).doesNotContain("href=").doesNotContain("@import").doesNotContain("url(");
    assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http");
  }

  @Test
  void report_showsHeatMapsSoaReadinessDecisionsAndVerification() {
    assertThat(count(html, "class=\"heat-cell\"")).isEqualTo(2 * 25);
    assertThat(count(html, "class=\"soa-row\"")).isEqualTo(38);
    assertThat(count(html, "class=\"readiness-row\"")).isGreaterThan(0);
    assertThat(html).contains("rag rag-red").contains("id=\"decision-chart\"");
    assertThat(html).contains("id=\"verification-result\">VERIFIED: ");
    // The residual heat map counts all six sample risks.
    Matcher m = Pattern.compile("id=\"heatmap-residual\".*?</svg>", Pattern.DOTALL).matcher(html);
    assertThat(m.find()).isTrue();
    Matcher c = Pattern.compile("data-count=\"(\\d+)\"").matcher(m.group());
    int total = 0;
    while (c.find()) {
      total += Integer.parseInt(c.group(1));
    }
    assertThat(total).isEqualTo(6);
  }

  @Test
  void chromium_rendersTheReportDom() throws Exception {
    requireChromium();
    String dom = chromium(dir.resolve("profile-dom"), "--dump-dom", report.toUri().toString());
    assertThat(count(dom, "class=\"heat-cell\"")).isEqualTo(50);
    assertThat(count(dom, "class=\"soa-row\"")).isEqualTo(38);
    assertThat(dom).contains("VERIFIED: ").contains("Statement of Applicability");
  }

  @Test
  void chromium_screenshotIsTheExpectedSizeAndNotBlank() throws Exception {
    requireChromium();
    Path png = dir.resolve("report.png");
    chromium(
        dir.resolve("profile-shot"),
        "--screenshot=" + png,
        "--window-size=" + WIDTH + "," + HEIGHT,
        report.toUri().toString());
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img).isNotNull();
    assertThat(img.getWidth()).isEqualTo(WIDTH);
    assertThat(img.getHeight()).isEqualTo(HEIGHT);
    Set<Integer> colours = new HashSet<>();
    long nonWhite = 0;
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        int rgb = img.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        if (rgb != 0xffffff) {
          nonWhite++;
        }
      }
    }
    long sampled = (long) (WIDTH / 2) * (HEIGHT / 2);
    // Heat-map levels, RAG badges, bars and text: far more than a blank or error page.
    assertThat(colours.size()).isGreaterThan(50);
    assertThat(nonWhite).isGreaterThan(sampled / 20);
  }

  @Test
  void decisionChart_bucketsAddUpToTheLogsDecisionsReviewsAndOverrides() {
    Matcher chart = Pattern.compile("id=\"decision-chart\".*?</svg>", Pattern.DOTALL).matcher(html);
    assertThat(chart.find()).isTrue();
    Matcher bar =
        Pattern.compile(
                "<rect class=\"bar (decisions|reviewed|overridden)\" x=\"\\d+\" y=\"\\d+\""
                    + " width=\"\\d+\" height=\"(\\d+)\" fill=\"[^\"]+\"><title>\\1: (\\d+)"
                    + "</title></rect>")
            .matcher(chart.group());
    List<Long> decisions = new ArrayList<>();
    List<Long> reviewed = new ArrayList<>();
    List<Long> overridden = new ArrayList<>();
    List<long[]> decisionBars = new ArrayList<>();
    while (bar.find()) {
      long value = Long.parseLong(bar.group(3));
      switch (bar.group(1)) {
        case "decisions" -> {
          decisions.add(value);
          decisionBars.add(new long[] {value, Long.parseLong(bar.group(2))});
        }
        case "reviewed" -> reviewed.add(value);
        default -> overridden.add(value);
      }
    }
    // One bar of each kind per time bucket, at most 12 buckets, empty buckets left out.
    assertThat(decisions).isNotEmpty().hasSizeLessThanOrEqualTo(ReportStats.MAX_BUCKETS);
    assertThat(reviewed).hasSameSizeAs(decisions);
    assertThat(overridden).hasSameSizeAs(decisions);
    for (int i = 0; i < decisions.size(); i++) {
      assertThat(decisions.get(i)).as("bucket %d", i).isPositive();
      assertThat(reviewed.get(i)).as("bucket %d", i).isBetween(0L, decisions.get(i));
      assertThat(overridden.get(i)).as("bucket %d", i).isBetween(0L, reviewed.get(i));
    }
    long d = decisions.stream().mapToLong(Long::longValue).sum();
    long r = reviewed.stream().mapToLong(Long::longValue).sum();
    long o = overridden.stream().mapToLong(Long::longValue).sum();
    assertThat(d).isEqualTo(SamplePack.DECISIONS);

    // Bar heights are scaled to the busiest bucket, which reaches the top of the chart (200 - 10).
    long max = decisions.stream().mapToLong(Long::longValue).max().orElseThrow();
    for (long[] b : decisionBars) {
      assertThat(b[1]).isEqualTo(Math.round((double) b[0] * 190 / max));
    }

    // The table under the chart lists the same numbers, bucket by bucket.
    Matcher row =
        Pattern.compile(
                "<tr class=\"bucket\"><td>[^<]+</td><td>(\\d+)</td><td>(\\d+)</td><td>(\\d+)"
                    + "</td></tr>")
            .matcher(html);
    List<List<Long>> rows = new ArrayList<>();
    while (row.find()) {
      rows.add(
          List.of(
              Long.parseLong(row.group(1)),
              Long.parseLong(row.group(2)),
              Long.parseLong(row.group(3))));
    }
    List<List<Long>> bars = new ArrayList<>();
    for (int i = 0; i < decisions.size(); i++) {
      bars.add(List.of(decisions.get(i), reviewed.get(i), overridden.get(i)));
    }
    assertThat(rows).isEqualTo(bars);

    // The log's writer counted reviews and overrides as it logged them; the chart reads them back
    // from the log. Both must agree, as must the summary above the chart.
    assertThat(List.of(r, o)).isEqualTo(List.of(sample.reviewed, sample.overridden));
    assertThat(r).isPositive();
    assertThat(html)
        .contains("<p>" + d + " decisions logged; " + r + " reviewed by a person (")
        .contains("); " + o + " overridden (")
        .contains("ai-decision " + d + "; ");
  }

  static String chromium(Path profile, String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--hide-scrollbars",
                "--user-data-dir=" + profile));
    cmd.addAll(List.of(args));
    Path stdout = Files.createTempFile(dir, "chromium", ".out");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(stdout.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 120 s: " + cmd);
    }
    assertThat(p.exitValue()).as("chromium exit code for %s", cmd).isZero();
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
