package dev.aims.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit pack's HTML report: self-contained, with the heat maps, the 38 SoA rows, readiness and
 * the verification result; rendered in a real headless Chromium (skipped when it is not installed;
 * CI installs it) and checked as a DOM and as a screenshot.
 */
class HtmlReportTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final int WIDTH = 1280;
  static final int HEIGHT = 2000;

  @TempDir static Path dir;
  static Path report;
  static String html;

  @BeforeAll
  static void writePack() throws IOException {
    StringWriter out = new StringWriter();
    int code =
        Aims.run(
            new PrintWriter(out),
            new PrintWriter(out),
            "demo",
            "--out",
            dir.resolve("demo").toString(),
            "--decisions",
            "200");
    assertThat(code).as(out.toString()).isZero();
    report = dir.resolve("demo/audit-pack/report.html");
    html = Files.readString(report, StandardCharsets.UTF_8);
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
    // The residual heat map counts all six demo risks.
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
    assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
    String dom = chromium(dir.resolve("profile-dom"), "--dump-dom", report.toUri().toString());
    assertThat(count(dom, "class=\"heat-cell\"")).isEqualTo(50);
    assertThat(count(dom, "class=\"soa-row\"")).isEqualTo(38);
    assertThat(dom).contains("VERIFIED: ").contains("Statement of Applicability");
  }

  @Test
  void chromium_screenshotIsTheExpectedSizeAndNotBlank() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
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
