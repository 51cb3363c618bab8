package dev.aims.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.proof.TlogProof;
import dev.aims.evidence.record.AiDecision;
import dev.aims.evidence.record.LoggedRecord;
import dev.aims.evidence.record.MonitoringEvent;
import dev.aims.evidence.record.MonitoringKind;
import dev.aims.evidence.record.OversightOutcome;
import dev.aims.evidence.record.RecordQuery;
import dev.aims.evidence.record.RecordType;
import dev.aims.evidence.store.FileStore;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.VerificationResult;
import dev.aims.examples.service.CreditDecisionService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo run in process with a small number of decisions, as {@code ./aims demo} runs it: its
 * output, its keys, its log (decisions through {@code CreditDecisionService}, monitoring) and its
 * pack, which verifies. How the command line verifies and exports packs is tested in aims-cli.
 */
@ExtendWith(DemoRun.Resolver.class)
class DemoTest {
  static Path dir;
  static String output;
  static int code;
  static Path pack;
  static NoteVerifier key;

  @BeforeAll
  static void readDemo(DemoRun demo) throws IOException {
    dir = demo.dir;
    code = demo.code;
    output = demo.out + demo.err;
    pack = demo.pack;
    key = NoteVerifier.parse(Files.readString(dir.resolve("keys/log.vkey")).trim());
  }

  @Test
  void demo_printsNumberedStepsAndTheVerifyCommand() {
    assertThat(code).as(output).isZero();
    assertThat(output)
        .contains("[1] Register the AI system")
        .contains(DemoRun.DECISIONS + " decisions logged")
        .contains("VERIFIED")
        .contains("BREACH")
        .contains("./aims verify " + pack + " --key " + dir.resolve("keys/log.vkey"));
  }

  @Test
  void demo_packVerifiesWithTheLogKey() {
    assertThat(output).containsPattern("VERIFIED: \\d+ files match the signed manifest");
    VerificationResult r = LogVerifier.verify(pack.resolve("log"), key);
    assertThat(r.ok()).as(r.toString()).isTrue();
    // 300 decisions, the impact assessment, monitoring events and incident records.
    assertThat(r.entries()).isGreaterThan(300);
    assertThat(r.checkpoints()).isGreaterThanOrEqualTo(2);
    assertThat(pack.resolve("log/private")).doesNotExist();
  }

  @Test
  void demo_decisionsAreTheServicesRecords_withTheDemosModelTraceAndReviews() throws IOException {
    List<AiDecision> decisions;
    try (FileStore store = FileStore.openReadOnly(dir.resolve("evidence"));
        Stream<LoggedRecord> records =
            RecordQuery.builder().types(RecordType.AI_DECISION).build().select(store)) {
      decisions = records.map(r -> (AiDecision) r.record()).toList();
    }
    assertThat(decisions).hasSize(DemoRun.DECISIONS);
    assertThat(decisions)
        .allSatisfy(
            d -> {
              assertThat(d.system()).isEqualTo(DemoRecords.SYSTEM);
              assertThat(d.model()).isEqualTo(DemoModel.NAME);
              assertThat(d.traceId()).get().asString().hasSize(32);
              // Reviewed when the score is within the demo's borderline of the threshold; the
              // logged score is rounded to three places, so the band's very edges are left out.
              double distance =
                  Math.abs(
                      Double.parseDouble(d.confidence().orElseThrow())
                          - CreditDecisionService.THRESHOLD);
              if (Math.abs(distance - DemoScenario.BORDERLINE) > 0.0005) {
                assertThat(d.oversight().isPresent())
                    .as("distance %s", distance)
                    .isEqualTo(distance < DemoScenario.BORDERLINE);
              }
            });
    long overridden =
        decisions.stream()
            .filter(
                d ->
                    d.oversight()
                        .filter(o -> o.outcome() == OversightOutcome.OVERRIDDEN)
                        .isPresent())
            .count();
    assertThat(decisions)
        .filteredOn(d -> d.decision().endsWith("(underwriter override)"))
        .hasSize((int) overridden);
    assertThat(overridden).isPositive();
    assertThat(output)
        .containsPattern(", \\d+ reviewed by a person, " + overridden + " overridden");
  }

  @Test
  void demo_summaryAgreesWithTheReportInItsPack() throws IOException {
    Matcher summary =
        Pattern.compile("decisions +(\\d+) logged, (\\d+) reviewed by a person, (\\d+) overridden")
            .matcher(output);
    assertThat(summary.find()).as(output).isTrue();
    String html = Files.readString(pack.resolve("report.html"));
    assertThat(html)
        .contains(
            "<p>"
                + summary.group(1)
                + " decisions logged; "
                + summary.group(2)
                + " reviewed by a person (")
        .contains("); " + summary.group(3) + " overridden (");
  }

  @Test
  void help_describesTheOptions_andBadDecisionsAreRejected() {
    StringWriter out = new StringWriter();
    assertThat(DemoCommand.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help"))
        .isZero();
    assertThat(out.toString())
        .startsWith(
            "Usage: aims demo [-hV] [--decisions=N] [--jdbc=URL] [--log=ORIGIN] [--out=DIR]")
        .contains("--out=DIR");
    StringWriter err = new StringWriter();
    assertThat(
            DemoCommand.run(
                new PrintWriter(new StringWriter()), new PrintWriter(err), "--decisions", "5"))
        .isEqualTo(2);
    assertThat(err.toString()).isEqualTo("aims: --decisions must be at least 100, was 5\n");
  }

  @Test
  void demo_keepsItsSignerKeyAndOpeningsOwnerOnly() throws IOException {
    assertThat(perms(dir.resolve("keys/log.skey"))).isEqualTo("rw-------");
    assertThat(perms(dir.resolve("evidence/private"))).isEqualTo("rwx------");
    assertThat(perms(dir.resolve("evidence/private/openings.data"))).isEqualTo("rw-------");
  }

  private static String perms(Path p) throws IOException {
    return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  static final String PSI = "population_stability_index";
  static final String RATIO = "approval_rate_ratio_under30";

  @Test
  void demo_logsBothMonitoringMetricsAsMonitoringEvents_withADriftBreach() throws IOException {
    List<MonitoringEvent> events;
    try (FileStore store = FileStore.openReadOnly(dir.resolve("evidence"));
        Stream<LoggedRecord> records =
            RecordQuery.builder().types(RecordType.MONITORING_EVENT).build().select(store)) {
      events = records.map(r -> (MonitoringEvent) r.record()).toList();
    }
    Map<String, List<MonitoringEvent>> byMetric =
        events.stream()
            .collect(
                Collectors.groupingBy(
                    MonitoringEvent::metric, LinkedHashMap::new, Collectors.toList()));
    assertThat(byMetric).containsOnlyKeys(PSI, RATIO);
    // 300 decisions in batches of 100: each metric is observed once per batch.
    assertThat(byMetric.get(PSI))
        .hasSize(3)
        .allSatisfy(
            e -> {
              assertThat(e.system()).isEqualTo(DemoRecords.SYSTEM);
              assertThat(e.kind()).isEqualTo(MonitoringKind.DRIFT);
              assertThat(e.threshold()).contains("0.25");
              // Drift breaches when the index rises above its threshold.
              assertThat(e.breach())
                  .as("%s %s", e.metric(), e.value())
                  .isEqualTo(new BigDecimal(e.value()).compareTo(new BigDecimal("0.25")) > 0);
            })
        .anyMatch(MonitoringEvent::breach);
    assertThat(byMetric.get(RATIO))
        .hasSize(3)
        .allSatisfy(
            e -> {
              assertThat(e.system()).isEqualTo(DemoRecords.SYSTEM);
              assertThat(e.kind()).isEqualTo(MonitoringKind.BIAS);
              assertThat(e.threshold()).contains("0.80");
              // Fairness breaches when the approval-rate ratio falls below four fifths.
              assertThat(e.breach())
                  .as("%s %s", e.metric(), e.value())
                  .isEqualTo(new BigDecimal(e.value()).compareTo(new BigDecimal("0.80")) < 0);
            });
    // The demo prints one BREACH line for each breaching event it logged.
    for (String metric : List.of(PSI, RATIO)) {
      assertThat(output.lines().filter(l -> l.contains("BREACH " + metric + " ")).count())
          .as(metric)
          .isEqualTo(byMetric.get(metric).stream().filter(MonitoringEvent::breach).count());
    }
  }

  @Test
  void demo_packSoaCitesTheLogsEvidence_forA626AndA628_inMarkdownJsonAndHtml() throws IOException {
    String md = Files.readString(pack.resolve("reports/soa.md"));
    String html = Files.readString(pack.resolve("report.html"));
    JsonNode table = new ObjectMapper().readTree(pack.resolve("reports/soa-table.json").toFile());
    for (String control : List.of("A.6.2.6", "A.6.2.8")) {
      // Counted here from the log itself: every record whose envelope cites the control.
      List<LoggedRecord> citing;
      try (FileStore store = FileStore.openReadOnly(pack.resolve("log"));
          Stream<LoggedRecord> records = RecordQuery.builder().build().select(store)) {
        citing = records.filter(r -> r.controls().contains(control)).toList();
      }
      assertThat(citing).as(control).isNotEmpty();
      String expected =
          String.format(
              java.util.Locale.ROOT,
              "%,d records, %s",
              citing.size(),
              citing.get(0).occurredAt().toString().substring(0, 10));
      String reference = "log " + DemoScenario.ORIGIN + " at size ";
      assertThat(md)
          .containsPattern(
              "(?m)^\\| "
                  + Pattern.quote(control)
                  + " \\|.*\\| "
                  + Pattern.quote(expected)
                  + "[^|]*"
                  + Pattern.quote(reference)
                  + "\\d+ \\|$");
      JsonNode row = null;
      for (JsonNode r : table) {
        if (r.get("controlId").asText().equals(control)) {
          row = r;
        }
      }
      assertThat(row).as(control).isNotNull();
      assertThat(row.get("evidenceReference").asText()).startsWith(expected).contains(reference);
      assertThat(html).contains("<td>" + row.get("evidenceReference").asText() + "</td>");
    }
  }

  @Test
  void demo_packCarriesAnAuditorsSample_whoseProofsVerifyRecordByRecord() throws IOException {
    List<Path> proofs;
    try (Stream<Path> s = Files.list(pack.resolve("sample"))) {
      proofs = s.filter(p -> p.toString().endsWith(".tlog-proof")).sorted().toList();
    }
    assertThat(proofs).hasSize(DemoPack.SAMPLE_COUNT);
    String html = Files.readString(pack.resolve("report.html"));
    assertThat(html).contains("Auditor sample");
    try (FileStore store = FileStore.openReadOnly(pack.resolve("log"))) {
      for (Path p : proofs) {
        TlogProof proof = TlogProof.parse(Files.readString(p));
        Checkpoint cp = proof.verify(key);
        assertThat(cp.origin()).isEqualTo(DemoScenario.ORIGIN);
        // The proof carries the very bytes the log holds at its index, and it is an AI decision.
        byte[] stored = store.entry(proof.index());
        assertThat(proof.extra().orElseThrow()).isEqualTo(stored);
        assertThat(html).contains("<td>" + proof.index() + "</td>");
      }
    }
  }

  @Test
  void demo_packExportsAsSixOscalDocuments_thatValidate_andCiteTheLogAndTheSample(
      @org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("oscal");
    java.util.Map<String, String> docs =
        dev.aims.oscal.OscalExport.of(
                dev.aims.core.records.RecordsReader.standard()
                    .read(pack.resolve("records/aims-records.json")),
                java.time.LocalDate.now(java.time.ZoneOffset.UTC))
            .withCoverage(
                dev.aims.audit.coverage.CoverageScanner.builder().key(key).build().scanPack(pack))
            .withSample(dev.aims.oscal.OscalExport.packSample(pack, out))
            .write(out);
    java.util.Map<String, String> models =
        java.util.Map.of(
            "catalog.json", "catalog",
            "profile.json", "profile",
            "ssp.json", "ssp",
            "assessment-plan.json", "ap",
            "assessment-results.json", "ar",
            "poam.json", "poam");
    assertThat(docs.keySet()).containsExactlyInAnyOrderElementsOf(models.keySet());
    docs.forEach(
        (name, text) ->
            assertThat(dev.aims.oscal.OscalSchemas.violations(models.get(name), text))
                .as(name)
                .isEmpty());
    assertThat(docs.get("ssp.json")).contains("log " + DemoScenario.ORIGIN + " at size ");
    // Each sampled record's proof, linked from the results relative to the documents.
    java.util.regex.Matcher hrefs =
        Pattern.compile("\"href\" : \"([^\"]*\\.tlog-proof)\"")
            .matcher(docs.get("assessment-results.json"));
    int proofs = 0;
    while (hrefs.find()) {
      proofs++;
      assertThat(out.resolve(hrefs.group(1)).normalize()).isRegularFile();
    }
    assertThat(proofs).isEqualTo(DemoPack.SAMPLE_COUNT);
  }
}
