package dev.aims.audit.report;

import dev.aims.assessment.gap.GapItem;
import dev.aims.assessment.impact.ImpactClassifier;
import dev.aims.assessment.impact.ImpactExplanation;
import dev.aims.assessment.readiness.ChecklistEntry;
import dev.aims.assessment.risk.RiskMatrix;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.risk.RiskRating;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit pack's Markdown documents: the Statement of Applicability, the AI risk register, the
 * impact assessments with their explanation, the gap analysis and the certification readiness
 * checklists. Rendered from templates whose values are escaped for Markdown, so record text cannot
 * break a table or inject markup. Pure: the same data gives the same text.
 */
public final class MarkdownReports {
  private MarkdownReports() {}

  /** Returns the Statement of Applicability in the lead auditor's columns (Clause 6.1.3 d). */
  public static String soa(ReportData data) {
    Map<String, Object> scope = header(data.records().organisationName(), data.asOf().toString());
    scope.put("rows", data.soaRows().stream().map(MarkdownReports::soaRow).toList());
    return Templates.markdown("soa.md.mustache", scope);
  }

  /** Returns one SoA row's cells, as the Markdown and HTML reports show them. */
  static Map<String, Object> soaRow(SoaRow r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("controlId", r.controlId());
    m.put("controlName", r.controlName());
    m.put("applicable", r.applicable() ? "yes" : "no");
    m.put("justification", r.justification());
    m.put("status", r.implementationStatus().name());
    m.put("evidence", r.evidenceReference());
    return m;
  }

  /**
   * Returns the AI risk register with inherent and residual ratings on the organisation's matrix.
   */
  public static String riskRegister(ReportData data) {
    RiskMatrix m = data.matrix();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (RiskEntry r : data.records().risks()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", r.id());
      row.put("system", r.systemId());
      row.put("category", r.category().toString());
      row.put("source", r.riskSource().toString());
      row.put("inherent", rating(m, r.inherent()));
      row.put("residual", rating(m, r.residual()));
      row.put("treatment", r.treatment().toString());
      row.put("controls", String.join(", ", r.controls()));
      rows.add(row);
    }
    return Templates.markdown("risk-register.md.mustache", Map.of("rows", rows));
  }

  /**
   * Returns a rating as the register shows it: {@code L3×S4 = 12 HIGH}, or, for a rating the matrix
   * cannot score, that it lies outside (the gap analysis asks for it to be re-rated) rather than
   * failing the pack.
   */
  static String rating(RiskMatrix m, RiskRating r) {
    String cell = "L" + r.likelihood() + "×S" + r.severity();
    if (!m.fits(r)) {
      return cell + " outside the " + m.likelihoodLevels() + "×" + m.severityLevels() + " matrix";
    }
    return cell + " = " + m.score(r) + " " + m.level(r);
  }

  /** Returns the impact assessments, each with its level and why it has it. */
  public static String impactAssessments(ReportData data) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (ImpactAssessment a : data.records().impactAssessments()) {
      items.add(impactView(a));
    }
    return Templates.markdown("impact-assessments.md.mustache", Map.of("assessments", items));
  }

  /** The view of one assessment that the Markdown and HTML templates share. */
  static Map<String, Object> impactView(ImpactAssessment a) {
    ImpactExplanation why = ImpactClassifier.explain(a);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("system", a.systemId());
    m.put("assessedOn", a.assessedOn().toString());
    m.put("level", why.level().toString());
    m.put(
        "dimensions",
        why.dimensions().stream()
            .map(
                d ->
                    Map.<String, Object>of(
                        "name", d.name(),
                        "value", d.value(),
                        "words", d.words(),
                        "row", d.row().toString(),
                        "points", d.points(),
                        "weight", d.weight()))
            .toList());
    m.put("score", why.score());
    m.put("maxScore", why.maxScore());
    m.put("tableLevel", why.tableLevel().toString());
    m.put("context", why.context());
    m.put(
        "rules",
        why.firedRules().stream()
            .map(r -> Map.<String, Object>of("id", r.id(), "description", r.description()))
            .toList());
    m.put("conclusion", why.conclusion());
    m.put("controls", String.join(", ", ImpactClassifier.classify(a).controls()));
    return m;
  }

  /** Returns the gap analysis, one row per clause or control with its RAG status. */
  public static String gapAnalysis(ReportData data) {
    Map<String, Object> scope = header(data.gap().organisation(), data.gap().asOf().toString());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (GapItem i : data.gap().items()) {
      rows.add(
          Map.of(
              "ref", i.ref(),
              "title", i.title(),
              "status", i.status().symbol() + " " + i.status().label(),
              "action", i.action()));
    }
    scope.put("rows", rows);
    return Templates.markdown("gap-analysis.md.mustache", scope);
  }

  /** Returns the certification readiness checklists (stage 1 and stage 2). */
  public static String readiness(ReportData data) {
    Map<String, Object> scope =
        header(data.readiness().organisation(), data.readiness().asOf().toString());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ChecklistEntry e : data.readiness().entries()) {
      rows.add(
          Map.of(
              "stage", e.item().stage().label(),
              "item", e.item().title(),
              "status", e.status().symbol() + " " + e.status().label(),
              "gaps", gaps(e)));
    }
    scope.put("rows", rows);
    return Templates.markdown("readiness.md.mustache", scope);
  }

  /** Returns what a checklist entry lacks, joined with "; ". */
  static String gaps(ChecklistEntry e) {
    return String.join("; ", e.gaps().stream().map(g -> g.message()).toList());
  }

  /** Returns the rows of the auditor sample, as the report lists them. */
  static List<Map<String, Object>> sampleRows(ReportData data) {
    return data.sample().stream()
        .map(
            s -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("index", s.index());
              m.put("occurredAt", s.occurredAt().toString());
              m.put("type", s.type().id());
              m.put("system", s.system());
              m.put("decision", s.decision().orElse(""));
              m.put("oversight", s.oversight().map(Object::toString).orElse(""));
              m.put("proofFile", s.proofFile());
              return m;
            })
        .toList();
  }

  private static Map<String, Object> header(String organisation, String asOf) {
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("organisation", organisation);
    scope.put("asOf", asOf);
    return scope;
  }
}
