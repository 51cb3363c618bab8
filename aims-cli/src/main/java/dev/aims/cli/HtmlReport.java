package dev.aims.cli;

import dev.aims.assessment.gap.RagStatus;
import dev.aims.assessment.readiness.ChecklistEntry;
import dev.aims.assessment.risk.HeatMap;
import dev.aims.assessment.risk.RiskMatrix;
import dev.aims.core.risk.RiskLevel;
import dev.aims.core.soa.SoaEntry;
import dev.aims.evidence.record.MonitoringEvent;
import dev.aims.evidence.record.RecordType;
import dev.aims.evidence.verify.Problem;
import dev.aims.evidence.verify.VerificationResult;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Renders the audit pack's {@code report.html}: one self-contained page (inline CSS and SVG, no
 * scripts, nothing fetched) with the log's verification result, the risk heat maps, the Statement
 * of Applicability, readiness with RAG colours, decisions and human oversight over time, and the
 * monitoring events. Pure: the same data gives the same page.
 */
final class HtmlReport {
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

  private HtmlReport() {}

  /** Renders the report. */
  static String render(ReportData d) {
    StringBuilder sb = new StringBuilder(64 * 1024);
    String org = esc(d.records().organisationName());
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    sb.append("<title>AIMS audit report: ").append(org).append("</title>\n");
    sb.append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    sb.append("<h1>AI management system audit report</h1>\n");
    sb.append("<p class=\"sub\">").append(org).append(" &middot; as of ").append(d.asOf());
    sb.append(" &middot; ISO/IEC 42001:2023</p>\n");
    verification(sb, d.logResult(), d.vkey());
    heatMaps(sb, d);
    decisions(sb, d.stats());
    monitoring(sb, d.stats());
    readiness(sb, d);
    soa(sb, d);
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  private static void verification(StringBuilder sb, VerificationResult r, String vkey) {
    sb.append("<section id=\"verification\" class=\"")
        .append(r.ok() ? "ok" : "fail")
        .append("\">\n<h2>Evidence log verification</h2>\n");
    sb.append("<p class=\"verdict\" id=\"verification-result\">")
        .append(r.ok() ? "VERIFIED" : "FAILED")
        .append(": ")
        .append(r.entries())
        .append(" entries, ")
        .append(r.checkpoints())
        .append(" signed checkpoints, ")
        .append(r.bytes())
        .append(" bytes</p>\n");
    sb.append("<p>Verifier key: <code>").append(esc(vkey)).append("</code></p>\n");
    if (!r.ok()) {
      sb.append("<ul class=\"problems\">\n");
      for (Problem p : r.problems()) {
        sb.append("<li>").append(esc(p.toString())).append("</li>\n");
      }
      sb.append("</ul>\n");
    }
    sb.append("</section>\n");
  }

  private static void heatMaps(StringBuilder sb, ReportData d) {
    sb.append("<section id=\"risks\">\n<h2>AI risk heat map</h2>\n");
    sb.append("<p>")
        .append(d.risks().total())
        .append(" risks; cells count risks by likelihood")
        .append(" and severity, coloured by the level of the ")
        .append(d.records().riskMatrix().isPresent() ? "organisation's own " : "default ")
        .append(d.matrix().likelihoodLevels())
        .append("&times;")
        .append(d.matrix().severityLevels())
        .append(" matrix.</p>\n");
    // A risk rated outside the matrix has no cell; it is named here so that the maps do not
    // silently count fewer risks than the register holds.
    List<String> outside = d.risks().outsideMatrix();
    if (!outside.isEmpty()) {
      sb.append("<p class=\"outside-matrix\">Not drawn, rated outside the matrix (re-rate them,")
          .append(" Clause 6.1.2): ")
          .append(esc(String.join(", ", outside)))
          .append(".</p>\n");
    }
    sb.append("<div class=\"maps\">\n");
    heatMap(sb, "inherent", d.risks().inherentHeatMap());
    heatMap(sb, "residual", d.risks().residualHeatMap());
    sb.append("</div>\n<p class=\"legend\">");
    for (RiskLevel l : RiskLevel.values()) {
      sb.append("<span class=\"swatch\" style=\"background:")
          .append(LEVEL_COLOURS.get(l))
          .append("\"></span>")
          .append(l)
          .append(' ');
    }
    sb.append("</p>\n</section>\n");
  }

  private static void heatMap(StringBuilder sb, String name, HeatMap map) {
    RiskMatrix m = map.matrix();
    int nl = m.likelihoodLevels();
    int ns = m.severityLevels();
    int cell = 56;
    int left = 40;
    int top = 24;
    int w = left + ns * cell + 10;
    int h = top + nl * cell + 40;
    sb.append("<figure>\n<figcaption>")
        .append(name.substring(0, 1).toUpperCase())
        .append(name.substring(1))
        .append(" risk</figcaption>\n");
    sb.append("<svg class=\"heatmap\" id=\"heatmap-")
        .append(name)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(w)
        .append("\" height=\"")
        .append(h)
        .append("\" viewBox=\"0 0 ")
        .append(w)
        .append(' ')
        .append(h)
        .append("\">\n");
    for (int l = nl; l >= 1; l--) {
      int y = top + (nl - l) * cell;
      sb.append("<text x=\"").append(left - 8).append("\" y=\"").append(y + cell / 2 + 5);
      sb.append("\" text-anchor=\"end\">L").append(l).append("</text>\n");
      for (int s = 1; s <= ns; s++) {
        int x = left + (s - 1) * cell;
        int count = map.count(l, s);
        RiskLevel level = map.level(l, s);
        sb.append("<g class=\"heat-cell\" data-likelihood=\"")
            .append(l)
            .append("\" data-severity=\"")
            .append(s)
            .append("\" data-level=\"")
            .append(level)
            .append("\" data-count=\"")
            .append(count)
            .append("\"><rect x=\"")
            .append(x)
            .append("\" y=\"")
            .append(y)
            .append("\" width=\"")
            .append(cell - 2)
            .append("\" height=\"")
            .append(cell - 2)
            .append("\" fill=\"")
            .append(LEVEL_COLOURS.get(level))
            .append("\"/>");
        if (count > 0) {
          sb.append("<text x=\"")
              .append(x + cell / 2 - 1)
              .append("\" y=\"")
              .append(y + cell / 2 + 7)
              .append("\" text-anchor=\"middle\" class=\"count\">")
              .append(count)
              .append("</text>");
        }
        sb.append("</g>\n");
      }
    }
    for (int s = 1; s <= ns; s++) {
      sb.append("<text x=\"").append(left + (s - 1) * cell + cell / 2 - 1);
      sb.append("\" y=\"").append(top + nl * cell + 16).append("\" text-anchor=\"middle\">S");
      sb.append(s).append("</text>\n");
    }
    sb.append("<text x=\"").append(left + ns * cell / 2).append("\" y=\"").append(h - 4);
    sb.append("\" text-anchor=\"middle\">severity &rarr;</text>\n");
    sb.append("<text x=\"12\" y=\"14\">likelihood</text>\n</svg>\n</figure>\n");
  }

  private static void decisions(StringBuilder sb, ReportStats st) {
    ReportStats.Bucket t = st.totals();
    sb.append("<section id=\"decisions\">\n<h2>Decisions and human oversight</h2>\n");
    sb.append("<p>")
        .append(t.decisions())
        .append(" decisions logged; ")
        .append(t.reviewed())
        .append(" reviewed by a person (")
        .append(percent(t.reviewed(), t.decisions()))
        .append("); ")
        .append(t.overridden())
        .append(" overridden (")
        .append(percent(t.overridden(), t.reviewed()))
        .append(" of reviews). Buckets of ")
        .append(st.bucket().toMinutes())
        .append(" minutes, UTC.</p>\n");
    long max = st.buckets().stream().mapToLong(ReportStats.Bucket::decisions).max().orElse(1);
    int barW = 60;
    int chartH = 200;
    int w = 50 + Math.max(1, st.buckets().size()) * barW;
    sb.append("<svg id=\"decision-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(w)
        .append("\" height=\"")
        .append(chartH + 40)
        .append("\">\n");
    int i = 0;
    for (ReportStats.Bucket b : st.buckets()) {
      int x = 50 + i * barW;
      bar(sb, "decisions", x, b.decisions(), max, chartH, "#90a4ae", 18);
      bar(sb, "reviewed", x + 18, b.reviewed(), max, chartH, "#1e88e5", 18);
      bar(sb, "overridden", x + 36, b.overridden(), max, chartH, "#f4511e", 18);
      sb.append("<text x=\"").append(x + 27).append("\" y=\"").append(chartH + 16);
      sb.append("\" text-anchor=\"middle\" class=\"tick\">");
      sb.append(TIME.format(b.start()).substring(11)).append("</text>\n");
      i++;
    }
    sb.append("<line x1=\"45\" y1=\"").append(chartH).append("\" x2=\"").append(w);
    sb.append("\" y2=\"").append(chartH).append("\" stroke=\"#333\"/>\n</svg>\n");
    sb.append("<p class=\"legend\"><span class=\"swatch\" style=\"background:#90a4ae\"></span>")
        .append("decisions <span class=\"swatch\" style=\"background:#1e88e5\"></span>reviewed")
        .append(" <span class=\"swatch\" style=\"background:#f4511e\"></span>overridden</p>\n");
    sb.append("<table id=\"decision-table\"><tr><th>from (UTC)</th><th>decisions</th>")
        .append("<th>reviewed</th><th>overridden</th></tr>\n");
    for (ReportStats.Bucket b : st.buckets()) {
      sb.append("<tr class=\"bucket\"><td>")
          .append(TIME.format(b.start()))
          .append("</td><td>")
          .append(b.decisions())
          .append("</td><td>")
          .append(b.reviewed())
          .append("</td><td>")
          .append(b.overridden())
          .append("</td></tr>\n");
    }
    sb.append("</table>\n<p>Records by type: ");
    for (RecordType type : RecordType.values()) {
      if (st.count(type) > 0) {
        sb.append(type.id()).append(' ').append(st.count(type)).append("; ");
      }
    }
    sb.append("</p>\n</section>\n");
  }

  private static void bar(
      StringBuilder sb, String cls, int x, long v, long max, int chartH, String colour, int w) {
    long h = max == 0 ? 0 : Math.round((double) v * (chartH - 10) / max);
    sb.append("<rect class=\"bar ")
        .append(cls)
        .append("\" x=\"")
        .append(x)
        .append("\" y=\"")
        .append(chartH - h)
        .append("\" width=\"")
        .append(w - 2)
        .append("\" height=\"")
        .append(h)
        .append("\" fill=\"")
        .append(colour)
        .append("\"><title>")
        .append(cls)
        .append(": ")
        .append(v)
        .append("</title></rect>\n");
  }

  private static void monitoring(StringBuilder sb, ReportStats st) {
    sb.append("<section id=\"monitoring\">\n<h2>Monitoring events</h2>\n");
    sb.append("<table><tr><th>occurred (UTC)</th><th>metric</th><th>kind</th><th>value</th>")
        .append("<th>threshold</th><th>breach</th></tr>\n");
    for (MonitoringEvent m : st.monitoring()) {
      sb.append("<tr class=\"")
          .append(m.breach() ? "breach" : "within")
          .append("\"><td>")
          .append(TIME.format(m.occurredAt()))
          .append("</td><td>")
          .append(esc(m.metric()))
          .append("</td><td>")
          .append(m.kind())
          .append("</td><td>")
          .append(esc(m.value()))
          .append("</td><td>")
          .append(esc(m.threshold().orElse("")))
          .append("</td><td>")
          .append(m.breach() ? "BREACH" : "ok")
          .append("</td></tr>\n");
    }
    sb.append("</table>\n</section>\n");
  }

  private static void readiness(StringBuilder sb, ReportData d) {
    sb.append("<section id=\"readiness\">\n<h2>Certification readiness</h2>\n");
    sb.append(
        "<table><tr><th>stage</th><th>item</th><th>status</th><th>what is missing</th></tr>\n");
    for (ChecklistEntry e : d.readiness().entries()) {
      sb.append("<tr class=\"readiness-row\"><td>")
          .append(esc(e.item().stage().label()))
          .append("</td><td>")
          .append(esc(e.item().title()))
          .append("</td><td><span class=\"rag rag-")
          .append(e.status().label())
          .append("\" style=\"background:")
          .append(RAG_COLOURS.get(e.status()))
          .append("\">")
          .append(e.status().label().toUpperCase())
          .append("</span></td><td>")
          .append(esc(String.join("; ", e.gaps().stream().map(g -> g.message()).toList())))
          .append("</td></tr>\n");
    }
    sb.append("</table>\n<p>Gap analysis: ");
    d.gap().counts().forEach((k, v) -> sb.append(k.label()).append(' ').append(v).append("; "));
    sb.append("</p>\n</section>\n");
  }

  private static void soa(StringBuilder sb, ReportData d) {
    sb.append("<section id=\"soa-section\">\n<h2>Statement of Applicability</h2>\n");
    sb.append("<table id=\"soa\"><tr><th>control</th><th>title</th><th>applicable</th>")
        .append("<th>status</th><th>justification</th></tr>\n");
    for (SoaEntry e : d.soaEntries()) {
      sb.append("<tr class=\"soa-row\"><td>")
          .append(esc(e.controlId()))
          .append("</td><td>")
          .append(esc(e.displayTitle()))
          .append("</td><td>")
          .append(e.applicable() ? "yes" : "no")
          .append("</td><td>")
          .append(e.implementationStatus())
          .append("</td><td>")
          .append(esc(e.justification()))
          .append("</td></tr>\n");
    }
    sb.append("</table>\n</section>\n");
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "0%" : String.format("%.1f%%", 100.0 * part / whole);
  }

  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static final String CSS =
      """
      body{font-family:system-ui,sans-serif;margin:24px;color:#212121;background:#fff}
      h1{margin:0 0 4px}.sub{color:#555;margin-top:0}
      section{margin:24px 0;padding:12px 16px;border:1px solid #ddd;border-radius:6px}
      #verification.ok{border-color:#43a047;background:#e8f5e9}
      #verification.fail{border-color:#d32f2f;background:#ffebee}
      .verdict{font-size:1.3em;font-weight:bold}
      table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px}
      th{background:#eceff1;text-align:left}.maps{display:flex;gap:32px}
      .count{font-weight:bold;font-size:18px;fill:#111}.tick{font-size:11px}
      .rag{color:#fff;padding:1px 8px;border-radius:8px;font-weight:bold}
      .swatch{display:inline-block;width:12px;height:12px;margin:0 4px 0 10px}
      tr.breach{background:#ffcdd2}code{word-break:break-all}
      """;
}
