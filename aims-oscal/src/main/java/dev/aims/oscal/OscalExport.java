package dev.aims.oscal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.assessment.coverage.EvidenceWindow;
import dev.aims.assessment.gap.GapAnalysis;
import dev.aims.assessment.gap.GapAnalyzer;
import dev.aims.assessment.readiness.ReadinessAssessor;
import dev.aims.assessment.readiness.ReadinessReport;
import dev.aims.assessment.roadmap.RoadmapPlanner;
import dev.aims.audit.StagedDirectory;
import dev.aims.audit.pack.AuditPack;
import dev.aims.audit.sample.SampledRecord;
import dev.aims.core.catalog.Catalog;
import dev.aims.core.records.AimsRecords;
import dev.aims.evidence.record.RecordType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes the six OSCAL documents of an organisation's AIMS records into a directory: {@value
 * #CATALOG}, {@value #PROFILE}, {@value #SSP}, {@value #ASSESSMENT_PLAN}, {@value
 * #ASSESSMENT_RESULTS} and {@value #POAM}, which reference each other by these names. With an
 * evidence coverage (from a log or an audit pack) the SSP cites the log's evidence and the results
 * carry observations for it; with an auditor's sample, an observation per sampled record links its
 * tlog-proof. The directory is written as a whole ({@link StagedDirectory}).
 */
public final class OscalExport {
  /** The catalogue's file name. */
  public static final String CATALOG = "catalog.json";

  /** The profile's file name. */
  public static final String PROFILE = "profile.json";

  /** The system security plan's file name. */
  public static final String SSP = "ssp.json";

  /** The assessment plan's file name. */
  public static final String ASSESSMENT_PLAN = "assessment-plan.json";

  /** The assessment results' file name. */
  public static final String ASSESSMENT_RESULTS = "assessment-results.json";

  /** The plan of action and milestones' file name. */
  public static final String POAM = "poam.json";

  private final AimsRecords records;
  private final LocalDate asOf;
  private final EvidenceCoverage coverage;
  private final List<SampledRecord> sample;

  private OscalExport(
      AimsRecords records, LocalDate asOf, EvidenceCoverage coverage, List<SampledRecord> sample) {
    this.records = Objects.requireNonNull(records, "records");
    this.asOf = Objects.requireNonNull(asOf, "asOf");
    this.coverage = Objects.requireNonNull(coverage, "coverage");
    this.sample = List.copyOf(sample);
  }

  /** Returns an export of {@code records} as of {@code asOf}, without a log. */
  public static OscalExport of(AimsRecords records, LocalDate asOf) {
    return new OscalExport(records, asOf, EvidenceCoverage.none(), List.of());
  }

  /** Returns this export with the evidence coverage of a log. */
  public OscalExport withCoverage(EvidenceCoverage coverage) {
    return new OscalExport(records, asOf, coverage, sample);
  }

  /**
   * Returns this export with an auditor's sample, each record's proof file relative to the pack.
   */
  public OscalExport withSample(List<SampledRecord> sample) {
    return new OscalExport(records, asOf, coverage, sample);
  }

  /**
   * Returns the sampled records an audit pack carries in its {@code sample/sample.json}, each
   * record's proof file given relative to {@code out} (where the OSCAL documents go, so that the
   * results' links to the proofs resolve from there); none when the pack holds no sample.
   *
   * @throws IOException if the summary cannot be read
   * @throws IllegalArgumentException naming the file and field when the summary is malformed
   */
  public static List<SampledRecord> packSample(Path pack, Path out) throws IOException {
    Path base = out.toAbsolutePath().normalize();
    Path root = pack.toAbsolutePath().normalize();
    return packSample(pack).stream()
        .map(
            r ->
                r.withProofFile(
                    base.relativize(root.resolve(r.proofFile())).toString().replace('\\', '/')))
        .toList();
  }

  /**
   * Returns the sampled records an audit pack carries in its {@code sample/sample.json}, with their
   * proof files relative to the pack; none when the pack holds no sample.
   *
   * @throws IOException if the summary cannot be read
   * @throws IllegalArgumentException naming the file and field when the summary is malformed
   */
  public static List<SampledRecord> packSample(Path pack) throws IOException {
    Path file = pack.resolve(AuditPack.SAMPLE_DIR).resolve("sample.json");
    if (!Files.exists(file)) {
      return List.of();
    }
    JsonNode root = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
    List<SampledRecord> out = new ArrayList<>();
    JsonNode list = root.path("records");
    for (int i = 0; i < list.size(); i++) {
      JsonNode r = list.get(i);
      String at = file + ": records[" + i + "]";
      out.add(
          new SampledRecord(
              require(r, "index", at).asLong(),
              Instant.parse(require(r, "occurredAt", at).asText()),
              RecordType.of(require(r, "type", at).asText()),
              require(r, "system", at).asText(),
              Optional.ofNullable(r.get("decision")).map(JsonNode::asText),
              Optional.ofNullable(r.get("oversight")).map(JsonNode::asText),
              AuditPack.SAMPLE_DIR + "/" + require(r, "proofFile", at).asText()));
    }
    return out;
  }

  private static JsonNode require(JsonNode r, String field, String at) {
    JsonNode v = r.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(at + ": field '" + field + "' is missing");
    }
    return v;
  }

  /** Returns the six documents by file name, as the JSON text that {@link #write} writes. */
  public Map<String, String> documents() {
    GapAnalysis gap = GapAnalyzer.analyse(records, asOf, coverage, EvidenceWindow.DEFAULT);
    ReadinessReport readiness =
        ReadinessAssessor.assess(records, asOf, coverage, EvidenceWindow.DEFAULT);
    Map<String, String> docs = new LinkedHashMap<>();
    docs.put(CATALOG, OscalJson.write(CatalogDocument.of(Catalog.standard(), asOf)));
    docs.put(PROFILE, OscalJson.write(ProfileDocument.of(records, asOf)));
    docs.put(SSP, OscalJson.write(SspDocument.of(records, asOf, coverage)));
    docs.put(ASSESSMENT_PLAN, OscalJson.write(AssessmentPlanDocument.of(records, asOf)));
    docs.put(
        ASSESSMENT_RESULTS,
        OscalJson.write(
            AssessmentResultsDocument.of(records, asOf, gap, readiness, coverage, sample)));
    docs.put(
        POAM,
        OscalJson.write(PoamDocument.of(records, asOf, RoadmapPlanner.plan(gap, records, asOf))));
    return docs;
  }

  /**
   * Writes the six documents into {@code out}, a new or empty directory, as a whole.
   *
   * @throws IOException if a file cannot be written
   * @throws IllegalArgumentException if {@code out} is a file or a directory that is not empty
   */
  public Map<String, String> write(Path out) throws IOException {
    Map<String, String> docs = documents();
    StagedDirectory.write(
        out,
        "OSCAL directory",
        staging -> {
          for (Map.Entry<String, String> d : docs.entrySet()) {
            Files.writeString(staging.resolve(d.getKey()), d.getValue(), StandardCharsets.UTF_8);
          }
          return docs;
        });
    return docs;
  }
}
