package dev.aims.audit.pack;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aims.assessment.impact.ImpactClassification;
import dev.aims.assessment.impact.ImpactClassifier;
import dev.aims.assessment.impact.ImpactRule;
import dev.aims.audit.report.MarkdownReports;
import dev.aims.audit.report.ReportData;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.json.AimsJson;
import dev.aims.core.records.AimsRecords;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents of an audit pack other than the log and the HTML report: the AIMS records as JSON,
 * and the Statement of Applicability, risk register, impact assessments, gap analysis and readiness
 * checklists as JSON (written by Jackson) and Markdown (rendered from templates). Pure: the same
 * inputs give the same bytes.
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
    out.put("reports/soa-table.json", json(data.soaRows()));
    out.put("reports/soa.md", utf8(MarkdownReports.soa(data)));
    out.put("reports/risk-register.json", json(records.risks()));
    out.put("reports/risk-register.md", utf8(MarkdownReports.riskRegister(data)));
    out.put("reports/impact-assessments.json", json(classified(records.impactAssessments())));
    out.put("reports/impact-assessments.md", utf8(MarkdownReports.impactAssessments(data)));
    out.put("reports/gap-analysis.json", json(data.gap()));
    out.put("reports/gap-analysis.md", utf8(MarkdownReports.gapAnalysis(data)));
    out.put("reports/readiness.json", json(data.readiness()));
    out.put("reports/readiness.md", utf8(MarkdownReports.readiness(data)));
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
              m.put("explanation", ImpactClassifier.explain(a));
              return m;
            })
        .toList();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] json(Object value) {
    try {
      return (AimsJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n")
          .getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getMessage(), e);
    }
  }
}
