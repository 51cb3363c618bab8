package dev.aims.audit.report;

import dev.aims.assessment.gap.RagStatus;
import dev.aims.assessment.readiness.ChecklistEntry;
import dev.aims.assessment.risk.HeatMap;
import dev.aims.assessment.risk.RiskMatrix;
import dev.aims.core.impact.ImpactAssessment;
import dev.aims.core.risk.RiskLevel;
import dev.aims.evidence.record.MonitoringEvent;
import dev.aims.evidence.record.RecordType;
import dev.aims.evidence.verify.Problem;
import dev.aims.evidence.verify.VerificationResult;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the audit pack's {@code report.html} from the template {@code report.html.mustache}: one
 * self-contained page (inline CSS and SVG, no scripts, nothing fetched) with the log's verification
 * result, the risk heat maps, decisions and human oversight over time, the monitoring events,
 * readiness with RAG colours, the impact assessments with their explanation, the Statement of
 * Applicability and the auditor sample. Every value is HTML-escaped by the template engine. Pure:
 * the same data gives the same page.
 */
public final class HtmlReport {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private static final Map<RiskLevel, String> LEVEL_COLOURS =
      Map.of(
          RiskLevel.NEGLIGIBLE, "#4caf50",
          RiskLevel.LOW, "#9ccc65",
          RiskLevel.MEDIUM, "#ffca28",
          RiskLevel.HIGH, "#fb8c00",
          RiskLevel.CRITICAL, "#d32f2f");

  private static final Map<RagStatus, String> RAG_COLOURS =
      Map.of(RagStatus.RED, "#d32f2f", RagStatus.AMBER, "#ffb300", RagStatus.GREEN, "#43a047");

  private static final int CELL = 56;
  private static final int LEFT = 40;
  private static final int TOP = 24;
  private static final int BAR_W = 60;
  private static final int CHART_H = 200;

  private HtmlReport() {}

  /** Renders the report. */
  public static String render(ReportData d) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("organisation", d.records().organisationName());
    v.put("asOf", d.asOf().toString());
    v.put("verification", verification(d.logResult(), d.vkey()));
    v.put("risks", risks(d));
    v.put("decisions", decisions(d.stats()));
    v.put("monitoring", monitoring(d.stats()));
    v.put("readiness", readiness(d));
    List<Map<String, Object>> impacts = new ArrayList<>();
    for (ImpactAssessment a : d.records().impactAssessments()) {
      impacts.add(MarkdownReports.impactView(a));
    }
    v.put("impacts", impacts);
    v.put("soa", d.soaRows().stream().map(MarkdownReports::soaRow).toList());
    List<Map<String, Object>> sample = MarkdownReports.sampleRows(d);
    v.put("sample", sample);
    v.put("hasSample", !sample.isEmpty());
    return Templates.html("report.html.mustache", v);
  }

  private static Map<String, Object> verification(VerificationResult r, String vkey) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ok", r.ok());
    m.put("verdict", r.ok() ? "VERIFIED" : "FAILED");
    m.put("entries", r.entries());
    m.put("checkpoints", r.checkpoints());
    m.put("bytes", r.bytes());
    m.put("vkey", vkey);
    m.put("problems", r.ok() ? List.of() : r.problems().stream().map(Problem::toString).toList());
    return m;
  }

  private static Map<String, Object> risks(ReportData d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("total", d.risks().total());
    m.put("own", d.records().riskMatrix().isPresent());
    m.put("likelihoodLevels", d.matrix().likelihoodLevels());
    m.put("severityLevels", d.matrix().severityLevels());
    // A risk rated outside the matrix has no cell; it is named so that the maps do not silently
    // count fewer risks than the register holds.
    List<String> outside = d.risks().outsideMatrix();
    m.put("outside", outside.isEmpty() ? List.of() : List.of(String.join(", ", outside)));
    m.put(
        "maps",
        List.of(
            heatMap("inherent", d.risks().inherentHeatMap()),
            heatMap("residual", d.risks().residualHeatMap())));
    List<Map<String, Object>> legend = new ArrayList<>();
    for (RiskLevel l : RiskLevel.values()) {
      legend.add(Map.of("colour", LEVEL_COLOURS.get(l), "level", l.toString()));
    }
    m.put("legend", legend);
    return m;
  }

  private static Map<String, Object> heatMap(String name, HeatMap map) {
    RiskMatrix m = map.matrix();
    int nl = m.likelihoodLevels();
    int ns = m.severityLevels();
    int w = LEFT + ns * CELL + 10;
    int h = TOP + nl * CELL + 40;
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int l = nl; l >= 1; l--) {
      int y = TOP + (nl - l) * CELL;
      List<Map<String, Object>> cells = new ArrayList<>();
      for (int s = 1; s <= ns; s++) {
        int x = LEFT + (s - 1) * CELL;
        int count = map.count(l, s);
        RiskLevel level = map.level(l, s);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("l", l);
        c.put("s", s);
        c.put("level", level.toString());
        c.put("count", count);
        c.put("x", x);
        c.put("y", y);
        c.put("size", CELL - 2);
        c.put("fill", LEVEL_COLOURS.get(level));
        c.put("shown", count > 0);
        c.put("tx", x + CELL / 2 - 1);
        c.put("ty", y + CELL / 2 + 7);
        cells.add(c);
      }
      rows.add(Map.of("l", l, "x", LEFT - 8, "y", y + CELL / 2 + 5, "cells", cells));
    }
    List<Map<String, Object>> cols = new ArrayList<>();
    for (int s = 1; s <= ns; s++) {
      cols.add(
          Map.of("s", s, "x", LEFT + (s - 1) * CELL + CELL / 2 - 1, "y", TOP + nl * CELL + 16));
    }
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("name", name);
    v.put("caption", name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1));
    v.put("w", w);
    v.put("h", h);
    v.put("rows", rows);
    v.put("cols", cols);
    v.put("axisX", LEFT + ns * CELL / 2);
    v.put("axisY", h - 4);
    return v;
  }

  private static Map<String, Object> decisions(ReportStats st) {
    ReportStats.Bucket t = st.totals();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("decisions", t.decisions());
    m.put("reviewed", t.reviewed());
    m.put("reviewedShare", percent(t.reviewed(), t.decisions()));
    m.put("overridden", t.overridden());
    m.put("overriddenShare", percent(t.overridden(), t.reviewed()));
    m.put("minutes", st.bucket().toMinutes());
    long max = st.buckets().stream().mapToLong(ReportStats.Bucket::decisions).max().orElse(1);
    int w = 50 + Math.max(1, st.buckets().size()) * BAR_W;
    m.put("w", w);
    m.put("h", CHART_H + 40);
    m.put("chartH", CHART_H);
    List<Map<String, Object>> bars = new ArrayList<>();
    List<Map<String, Object>> ticks = new ArrayList<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    int i = 0;
    for (ReportStats.Bucket b : st.buckets()) {
      int x = 50 + i * BAR_W;
      bars.add(bar("decisions", x, b.decisions(), max, "#90a4ae"));
      bars.add(bar("reviewed", x + 18, b.reviewed(), max, "#1e88e5"));
      bars.add(bar("overridden", x + 36, b.overridden(), max, "#f4511e"));
      ticks.add(
          Map.of("x", x + 27, "y", CHART_H + 16, "label", TIME.format(b.start()).substring(11)));
      rows.add(
          Map.of(
              "from", TIME.format(b.start()),
              "decisions", b.decisions(),
              "reviewed", b.reviewed(),
              "overridden", b.overridden()));
      i++;
    }
    m.put("bars", bars);
    m.put("ticks", ticks);
    m.put("rows", rows);
    List<Map<String, Object>> types = new ArrayList<>();
    for (RecordType type : RecordType.values()) {
      if (st.count(type) > 0) {
        types.add(Map.of("type", type.id(), "count", st.count(type)));
      }
    }
    m.put("types", types);
    return m;
  }

  private static Map<String, Object> bar(String cls, int x, long v, long max, String colour) {
    long h = max == 0 ? 0 : Math.round((double) v * (CHART_H - 10) / max);
    return Map.of(
        "cls", cls, "x", x, "y", CHART_H - h, "w", 16, "h", h, "colour", colour, "value", v);
  }

  private static Map<String, Object> monitoring(ReportStats st) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (MonitoringEvent e : st.monitoring()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("cls", e.breach() ? "breach" : "within");
      r.put("occurredAt", TIME.format(e.occurredAt()));
      r.put("metric", e.metric());
      r.put("kind", e.kind().toString());
      r.put("value", e.value());
      r.put("threshold", e.threshold().orElse(""));
      r.put("breach", e.breach() ? "BREACH" : "ok");
      rows.add(r);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rows", rows);
    m.put("events", st.monitoringEvents());
    m.put("breaches", st.breaches());
    m.put("truncated", st.monitoringEvents() > rows.size());
    m.put("shown", rows.size());
    return m;
  }

  private static Map<String, Object> readiness(ReportData d) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ChecklistEntry e : d.readiness().entries()) {
      rows.add(
          Map.of(
              "stage", e.item().stage().label(),
              "item", e.item().title(),
              "label", e.status().label(),
              "upper", e.status().label().toUpperCase(Locale.ROOT),
              "colour", RAG_COLOURS.get(e.status()),
              "gaps", MarkdownReports.gaps(e)));
    }
    List<Map<String, Object>> counts = new ArrayList<>();
    d.gap().counts().forEach((k, v) -> counts.add(Map.of("label", k.label(), "count", v)));
    return Map.of("rows", rows, "counts", counts);
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "0%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }
}
