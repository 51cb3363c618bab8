package dev.aims.oscal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aims.assessment.coverage.ControlEvidence;
import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.assessment.coverage.LogPosition;
import dev.aims.assessment.gap.Gap;
import dev.aims.assessment.gap.GapAnalysis;
import dev.aims.assessment.gap.GapItem;
import dev.aims.assessment.gap.RagStatus;
import dev.aims.assessment.readiness.ChecklistEntry;
import dev.aims.assessment.readiness.ReadinessReport;
import dev.aims.assessment.readiness.Stage;
import dev.aims.audit.sample.SampledRecord;
import dev.aims.core.records.AimsRecords;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The OSCAL assessment results ({@code assessment-results.json}) of an AIMS assessment as of one
 * day: one result that imports the assessment plan ({@code assessment-plan.json}) and reviews every
 * control, with the gap analysis, the readiness checklists and, with an evidence log, its coverage
 * and a sample of its records.
 *
 * <ul>
 *   <li><b>Findings</b>: one per gap item that is not green, in the analysis' order. The target is
 *       the objective of the clause or control in {@code catalog.json} ({@code objective-id} {@code
 *       A.6.2.8_ovw}, {@code clause-6.1.4_ovw}: its overview part, the control's purpose in the
 *       SDK's words, since the catalogue carries no statement part, the standard's text being
 *       ISO's) with the state {@code not-satisfied}; the red or amber status is the property {@code
 *       rag}; the description lists each gap and its action; the remarks list the evidence found.
 *   <li><b>Observations</b>, in this order: one per (control, AI system) of the evidence coverage
 *       (method {@code EXAMINE}, type {@code control-objective}, described by {@link
 *       ControlEvidence#reference()}, with the log's signed checkpoint as the relevant evidence);
 *       one per entry of the Stage 1 and Stage 2 readiness checklists, green ones included (a
 *       checklist item serves several clauses and controls, so it is an observation the findings
 *       cite rather than a finding of its own); and one per sampled record, whose relevant evidence
 *       is its C2SP tlog-proof, linked by the record's proof file as given (relative to the
 *       documents: {@code ../sample/record-N.tlog-proof} when they are written to {@code
 *       PACK/oscal}, see {@link OscalExport#packSample(Path, Path)}).
 *   <li>A finding cites ({@code related-observations}) the coverage observations of its control and
 *       the readiness observations of the checklist items that reference its clause or control.
 * </ul>
 *
 * <p>The result's properties count the red, amber and green items, say whether the organisation is
 * ready for Stage 1 and Stage 2 and, with a log, name its checkpoint. Pure and deterministic: UUIDs
 * are name-based (a finding's on its clause or control, an observation's on what it observes) and
 * every timestamp is the as-of day.
 */
public final class AssessmentResultsDocument {
  /** The file name of the assessment results. */
  public static final String FILE = "assessment-results.json";

  private AssessmentResultsDocument() {}

  /**
   * Returns the assessment results: {@code {"assessment-results": {...}}}.
   *
   * @param records the records assessed (for the organisation's name)
   * @param asOf the day of the assessment
   * @param gap the gap analysis as of {@code asOf}, with the same coverage
   * @param readiness the readiness report as of {@code asOf}
   * @param coverage the evidence log's coverage, {@link EvidenceCoverage#none()} without a log
   * @param sample the sampled records of the log, empty without a sample
   * @throws IllegalArgumentException when the gap analysis or the readiness report is of another
   *     day than {@code asOf}, or a record index appears twice in the sample
   */
  public static ObjectNode of(
      AimsRecords records,
      LocalDate asOf,
      GapAnalysis gap,
      ReadinessReport readiness,
      EvidenceCoverage coverage,
      List<SampledRecord> sample) {
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(gap, "gap");
    Objects.requireNonNull(readiness, "readiness");
    Objects.requireNonNull(coverage, "coverage");
    Objects.requireNonNull(sample, "sample");
    if (!gap.asOf().equals(asOf)) {
      throw new IllegalArgumentException(
          "gap: the analysis is as of " + gap.asOf() + ", the results as of " + asOf);
    }
    if (!readiness.asOf().equals(asOf)) {
      throw new IllegalArgumentException(
          "readiness: the report is as of " + readiness.asOf() + ", the results as of " + asOf);
    }
    Set<Long> indexes = new HashSet<>();
    for (SampledRecord r : sample) {
      if (!indexes.add(r.index())) {
        throw new IllegalArgumentException(
            "sample: the record at index " + r.index() + " appears twice");
      }
    }
    String org = records.organisationName();
    ObjectNode results = OscalJson.object();
    results.put("uuid", OscalIds.of("ar", "document", asOf.toString()));
    results.set(
        "metadata",
        OscalJson.metadata(
            "Assessment results of the AI management system of " + org + " as of " + asOf,
            asOf,
            asOf.toString()));
    results.putObject("import-ap").put("href", AssessmentPlanDocument.FILE);
    results.putArray("results").add(result(asOf, gap, readiness, coverage, sample));
    ObjectNode root = OscalJson.object();
    root.set("assessment-results", results);
    return root;
  }

  /** Returns the assessment results as OSCAL JSON text (see {@link #of}). */
  public static String toJson(
      AimsRecords records,
      LocalDate asOf,
      GapAnalysis gap,
      ReadinessReport readiness,
      EvidenceCoverage coverage,
      List<SampledRecord> sample) {
    return OscalJson.write(of(records, asOf, gap, readiness, coverage, sample));
  }

  /** Returns the UUID of the finding on a clause or control ({@code 6.1.4}, {@code A.10.3}). */
  static String findingUuid(String ref) {
    return OscalIds.of("ar", "finding", oscalId(ref));
  }

  private static ObjectNode result(
      LocalDate asOf,
      GapAnalysis gap,
      ReadinessReport readiness,
      EvidenceCoverage coverage,
      List<SampledRecord> sample) {
    ObjectNode result = OscalJson.object();
    result.put("uuid", OscalIds.of("ar", "result", asOf.toString()));
    result.put("title", "Gap analysis and certification readiness as of " + asOf);
    Map<RagStatus, Integer> counts = gap.counts();
    result.put(
        "description",
        String.format(
            Locale.ROOT,
            "Of the %d clauses and controls judged: red %d, amber %d, green %d. Ready for Stage 1:"
                + " %s. Ready for Stage 2: %s.",
            gap.items().size(),
            counts.get(RagStatus.RED),
            counts.get(RagStatus.AMBER),
            counts.get(RagStatus.GREEN),
            yesNo(readiness.readyForStage1()),
            yesNo(readiness.readyForStage2())));
    result.put("start", OscalJson.timestamp(asOf));
    ArrayNode props = result.putArray("props");
    for (RagStatus s : RagStatus.values()) {
      props.add(AssessmentParts.prop(s.label() + "-items", counts.get(s).toString()));
    }
    props.add(AssessmentParts.prop("ready-for-stage-1", yesNo(readiness.readyForStage1())));
    props.add(AssessmentParts.prop("ready-for-stage-2", yesNo(readiness.readyForStage2())));
    coverage.checkpoint().ifPresent(c -> props.addAll(checkpointProps(c)));
    result.set("reviewed-controls", AssessmentParts.reviewedControls());

    ArrayNode observations = OscalJson.array();
    String collected = OscalJson.timestamp(asOf);
    for (ControlEvidence e : coverage.entries()) {
      observations.add(coverageObservation(e, collected));
    }
    for (ChecklistEntry entry : readiness.entries()) {
      observations.add(readinessObservation(entry, collected));
    }
    for (SampledRecord r : sample) {
      observations.add(sampleObservation(r, collected));
    }
    if (!observations.isEmpty()) {
      result.set("observations", observations);
    }

    ArrayNode findings = OscalJson.array();
    for (GapItem item : gap.items()) {
      if (item.status() != RagStatus.GREEN) {
        findings.add(finding(item, readiness, coverage));
      }
    }
    if (!findings.isEmpty()) {
      result.set("findings", findings);
    }
    return result;
  }

  private static ObjectNode finding(
      GapItem item, ReadinessReport readiness, EvidenceCoverage coverage) {
    String id = oscalId(item.ref());
    ObjectNode f = OscalJson.object();
    f.put("uuid", findingUuid(item.ref()));
    f.put("title", item.ref() + " " + item.title());
    StringBuilder text = new StringBuilder();
    for (Gap g : item.gaps()) {
      text.append(gapLine(g)).append('\n');
    }
    f.put("description", text.toString().strip());
    ArrayNode props = f.putArray("props");
    props.add(AssessmentParts.prop("rag", item.status().label()));
    props.add(AssessmentParts.prop("ref", item.ref()));
    props.add(AssessmentParts.prop("action", item.action()));
    ObjectNode target = f.putObject("target");
    target.put("type", "objective-id");
    target.put("target-id", id + "_ovw");
    target.put("title", item.ref() + " " + item.title());
    ObjectNode status = target.putObject("status");
    status.put("state", "not-satisfied");
    status.put("reason", "fail");
    ArrayNode related = OscalJson.array();
    for (ControlEvidence e : coverage.forControl(item.ref())) {
      related.addObject().put("observation-uuid", coverageUuid(e));
    }
    for (ChecklistEntry entry : readiness.entries()) {
      if (entry.item().references().stream().anyMatch(r -> r.equalsIgnoreCase(item.ref()))) {
        related.addObject().put("observation-uuid", readinessUuid(entry));
      }
    }
    if (!related.isEmpty()) {
      f.set("related-observations", related);
    }
    if (!item.evidenceFound().isEmpty()) {
      f.put("remarks", "Evidence found: " + String.join("; ", item.evidenceFound()));
    }
    return f;
  }

  private static ObjectNode coverageObservation(ControlEvidence e, String collected) {
    ObjectNode o = OscalJson.object();
    o.put("uuid", coverageUuid(e));
    o.put("title", e.controlId() + " in the evidence log for " + e.systemId());
    o.put("description", e.reference());
    ArrayNode props = o.putArray("props");
    props.add(AssessmentParts.prop("control-id", e.controlId()));
    props.add(AssessmentParts.prop("ai-system", e.systemId()));
    props.add(AssessmentParts.prop("record-count", Long.toString(e.total())));
    e.countsByType()
        .forEach((type, n) -> props.add(AssessmentParts.prop("records-of-type", type + ": " + n)));
    props.add(AssessmentParts.prop("first-record", e.first().toString()));
    props.add(AssessmentParts.prop("last-record", e.last().toString()));
    o.putArray("methods").add("EXAMINE");
    o.putArray("types").add("control-objective");
    LogPosition c = e.checkpoint();
    ObjectNode evidence = o.putArray("relevant-evidence").addObject();
    evidence.put(
        "description",
        "The signed checkpoint of the evidence log "
            + c.origin()
            + " at size "
            + c.size()
            + " (root hash "
            + c.rootHash()
            + "), which covers these records.");
    evidence.set("props", checkpointProps(c));
    o.put("collected", collected);
    return o;
  }

  private static ObjectNode readinessObservation(ChecklistEntry entry, String collected) {
    ObjectNode o = OscalJson.object();
    o.put("uuid", readinessUuid(entry));
    o.put("title", entry.item().stage().label() + ": " + entry.item().title());
    StringBuilder text =
        new StringBuilder(capitalised(entry.status().label()))
            .append(" (")
            .append(String.join(", ", entry.item().references()))
            .append(").");
    if (!entry.evidence().isEmpty()) {
      text.append("\n\nFound: ").append(String.join("; ", entry.evidence()));
    }
    if (!entry.gaps().isEmpty()) {
      text.append('\n');
    }
    for (Gap g : entry.gaps()) {
      text.append('\n').append(gapLine(g));
    }
    o.put("description", text.toString());
    ArrayNode props = o.putArray("props");
    props.add(
        AssessmentParts.prop(
            "stage", entry.item().stage() == Stage.STAGE_1 ? "stage-1" : "stage-2"));
    props.add(AssessmentParts.prop("rag", entry.status().label()));
    props.add(AssessmentParts.prop("blocking", yesNo(entry.blocking())));
    for (String ref : entry.item().references()) {
      props.add(AssessmentParts.prop("ref", ref));
    }
    o.putArray("methods").add("EXAMINE");
    o.put("collected", collected);
    return o;
  }

  private static ObjectNode sampleObservation(SampledRecord r, String collected) {
    ObjectNode o = OscalJson.object();
    o.put("uuid", OscalIds.of("ar", "observation", "sample", Long.toString(r.index())));
    o.put("title", "Sampled record " + r.index());
    StringBuilder text =
        new StringBuilder("Record ")
            .append(r.index())
            .append(" of the evidence log: ")
            .append(r.type().id())
            .append(" of AI system ")
            .append(r.system());
    r.decision().ifPresent(d -> text.append(", decision ").append(d));
    r.oversight().ifPresent(v -> text.append(", oversight ").append(v));
    text.append(", occurred at ").append(r.occurredAt()).append('.');
    o.put("description", text.toString());
    ArrayNode props = o.putArray("props");
    props.add(AssessmentParts.prop("record-index", Long.toString(r.index())));
    props.add(AssessmentParts.prop("record-type", r.type().id()));
    props.add(AssessmentParts.prop("ai-system", r.system()));
    r.decision().ifPresent(d -> props.add(AssessmentParts.prop("decision", d)));
    r.oversight().ifPresent(v -> props.add(AssessmentParts.prop("oversight", v)));
    props.add(AssessmentParts.prop("occurred-at", r.occurredAt().toString()));
    for (String control : r.type().defaultControls()) {
      props.add(AssessmentParts.prop("control-id", control));
    }
    o.putArray("methods").add("EXAMINE");
    o.putArray("types").add("control-objective");
    ObjectNode evidence = o.putArray("relevant-evidence").addObject();
    evidence.put("href", proofHref(r));
    evidence.put(
        "description",
        "C2SP tlog-proof of record "
            + r.index()
            + ": the record and its inclusion proof under a signed checkpoint of the log.");
    o.put("collected", collected);
    return o;
  }

  /**
   * Returns the link to a sampled record's proof: its proof file as given, which the caller makes
   * relative to where the OSCAL documents are written ({@link OscalExport#packSample(Path, Path)}
   * does).
   */
  static String proofHref(SampledRecord r) {
    return r.proofFile();
  }

  private static ArrayNode checkpointProps(LogPosition c) {
    ArrayNode props = OscalJson.array();
    props.add(AssessmentParts.prop("log-origin", c.origin()));
    props.add(AssessmentParts.prop("log-size", Long.toString(c.size())));
    props.add(AssessmentParts.prop("log-root-hash", c.rootHash()));
    return props;
  }

  private static String coverageUuid(ControlEvidence e) {
    return OscalIds.of("ar", "observation", "coverage", e.controlId(), e.systemId());
  }

  private static String readinessUuid(ChecklistEntry entry) {
    return OscalIds.of("ar", "observation", "readiness", entry.item().name());
  }

  private static String oscalId(String ref) {
    return AssessmentParts.controlId(ref)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "gap: " + ref + " is neither a clause nor an Annex A control"));
  }

  /** Returns a gap as a Markdown list item: its severity, what is wrong and what to do. */
  private static String gapLine(Gap g) {
    return "- "
        + capitalised(g.severity().label())
        + ": "
        + sentence(g.message())
        + " Action: "
        + sentence(g.action());
  }

  private static String sentence(String text) {
    String t = text.strip();
    return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
