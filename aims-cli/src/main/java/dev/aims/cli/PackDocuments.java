package dev.aims.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aims.assessment.gap.GapAnalysis;
import dev.aims.assessment.gap.GapItem;
import dev.aims.assessment.impact.ImpactClassification;
import dev.aims.assessment.impact.ImpactClassifier;
import dev.aims.assessment.impact.ImpactRule;
import dev.aims.assessment.readiness.ChecklistEntry;
import dev.aims.assessment.readiness.ReadinessReport;
import dev.aims.assessment.risk.RiskMatrix;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.json.AimsJson;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.risk.RiskRating;
import dev.aims.core.soa.SoaEntry;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents of an audit pack other than the log and the HTML report: the AIMS records as JSON,
 * and the Statement of Applicability, risk register, impact assessments, gap analysis and readiness
 * checklists as JSON and Markdown. Pure: the same inputs give the same bytes.
 */
final class PackDocuments {
  private PackDocuments() {}

  /** Returns every document by its path in the pack. */
  static Map<String, byte[]> of(ReportData data) {
    AimsRecords records = data.records();
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put("records/aims-records.json", json(records));
    records.systems().forEach(s -> out.put("records/systems/" + s.id() + ".json", json(s)));
    records.risks().forEach(r -> out.put("records/risks/" + r.id() + ".json", json(r)));
    records
        .impactAssessments()
        .forEach(
            a ->
                out.put(
                    "records/impact-assessments/" + a.systemId() + "-" + a.assessedOn() + ".json",
                    json(a)));
    records.incidents().forEach(i -> out.put("records/incidents/" + i.id() + ".json", json(i)));
    records
        .nonconformities()
        .forEach(n -> out.put("records/nonconformities/" + n.id() + ".json", json(n)));
    records
        .correctiveActions()
        .forEach(c -> out.put("records/corrective-actions/" + c.id() + ".json", json(c)));
    records.soa().ifPresent(soa -> out.put("reports/soa.json", json(soa)));
    out.put("reports/soa.md", utf8(soaMarkdown(data)));
    out.put("reports/risk-register.json", json(records.risks()));
    out.put("reports/risk-register.md", utf8(riskMarkdown(data)));
    out.put("reports/impact-assessments.json", json(classified(records.impactAssessments())));
    out.put("reports/impact-assessments.md", utf8(impactMarkdown(records.impactAssessments())));
    out.put("reports/gap-analysis.json", json(data.gap()));
    out.put("reports/gap-analysis.md", utf8(gapMarkdown(data.gap())));
    out.put("reports/readiness.json", json(data.readiness()));
    out.put("reports/readiness.md", utf8(readinessMarkdown(data.readiness())));
    return out;
  }

  private static List<Map<String, Object>> classified(List<ImpactAssessment> assessments) {
    return assessments.stream()
        .map(
            a -> {
              ImpactClassification c = ImpactClassifier.classify(a);
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("assessment", a);
              m.put("level", c.level());
              m.put("firedRules", c.firedRules().stream().map(ImpactRule::id).toList());
              m.put("controls", c.controls());
              return m;
            })
        .toList();
  }

  private static String soaMarkdown(ReportData data) {
    StringBuilder sb = new StringBuilder("# Statement of Applicability\n\n");
    sb.append(data.records().organisationName()).append(", as of ").append(data.asOf());
    sb.append(
        "\n\n| control | title | applicable | status | justification |\n|---|---|---|---|---|\n");
    for (SoaEntry e : data.soaEntries()) {
      sb.append("| ")
          .append(e.controlId())
          .append(" | ")
          .append(cell(e.displayTitle()))
          .append(" | ")
          .append(e.applicable() ? "yes" : "no")
          .append(" | ")
          .append(e.implementationStatus())
          .append(" | ")
          .append(cell(e.justification()))
          .append(" |\n");
    }
    return sb.toString();
  }

  private static String riskMarkdown(ReportData data) {
    RiskMatrix m = data.matrix();
    StringBuilder sb = new StringBuilder("# AI risk register\n\n");
    sb.append("| id | system | category | source | inherent | residual | treatment | controls |\n");
    sb.append("|---|---|---|---|---|---|---|---|\n");
    for (RiskEntry r : data.records().risks()) {
      sb.append("| ")
          .append(r.id())
          .append(" | ")
          .append(r.systemId())
          .append(" | ")
          .append(r.category())
          .append(" | ")
          .append(r.riskSource())
          .append(" | ")
          .append(rating(m, r.inherent()))
          .append(" | ")
          .append(rating(m, r.residual()))
          .append(" | ")
          .append(r.treatment())
          .append(" | ")
          .append(String.join(", ", r.controls()))
          .append(" |\n");
    }
    return sb.toString();
  }

  private static String rating(RiskMatrix m, RiskRating r) {
    // A record may hold levels up to RiskRating.MAX_LEVEL; a rating the matrix cannot score is
    // shown as such (the gap analysis asks for it to be re-rated) rather than failing the pack.
    String cell = "L" + r.likelihood() + "×S" + r.severity();
    if (!m.fits(r)) {
      return cell + " outside the " + m.likelihoodLevels() + "×" + m.severityLevels() + " matrix";
    }
    return cell + " = " + m.score(r) + " " + m.level(r);
  }

  private static String impactMarkdown(List<ImpactAssessment> assessments) {
    StringBuilder sb = new StringBuilder("# AI system impact assessments\n\n");
    for (ImpactAssessment a : assessments) {
      ImpactClassification c = ImpactClassifier.classify(a);
      sb.append("## ").append(a.systemId()).append(", assessed ").append(a.assessedOn());
      sb.append("\n\n- Classification: **").append(c.level()).append("**\n");
      for (ImpactRule r : c.firedRules()) {
        sb.append("- Rule ").append(r.id()).append(": ").append(r.description()).append('\n');
      }
      sb.append("- Controls: ").append(String.join(", ", c.controls())).append("\n\n");
    }
    return sb.toString();
  }

  private static String gapMarkdown(GapAnalysis gap) {
    StringBuilder sb = new StringBuilder("# Gap analysis\n\n");
    sb.append(gap.organisation()).append(", as of ").append(gap.asOf()).append("\n\n");
    sb.append("| ref | title | status | action |\n|---|---|---|---|\n");
    for (GapItem i : gap.items()) {
      sb.append("| ")
          .append(i.ref())
          .append(" | ")
          .append(cell(i.title()))
          .append(" | ")
          .append(i.status().symbol())
          .append(' ')
          .append(i.status().label())
          .append(" | ")
          .append(cell(i.action()))
          .append(" |\n");
    }
    return sb.toString();
  }

  private static String readinessMarkdown(ReadinessReport r) {
    StringBuilder sb = new StringBuilder("# Certification readiness\n\n");
    sb.append(r.organisation()).append(", as of ").append(r.asOf()).append("\n\n");
    sb.append("| stage | item | status | gaps |\n|---|---|---|---|\n");
    for (ChecklistEntry e : r.entries()) {
      sb.append("| ")
          .append(e.item().stage().label())
          .append(" | ")
          .append(cell(e.item().title()))
          .append(" | ")
          .append(e.status().symbol())
          .append(' ')
          .append(e.status().label())
          .append(" | ")
          .append(cell(String.join("; ", e.gaps().stream().map(g -> g.message()).toList())))
          .append(" |\n");
    }
    return sb.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] json(Object value) {
    try {
      return (AimsJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n")
          .getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getMessage(), e);
    }
  }
}
