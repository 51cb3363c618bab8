package dev.aims.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.assessment.coverage.EvidenceWindow;
import dev.aims.assessment.gap.FlaggedMiss;
import dev.aims.assessment.gap.Gap;
import dev.aims.assessment.gap.GapAnalysis;
import dev.aims.assessment.gap.GapAnalyzer;
import dev.aims.assessment.gap.GapItem;
import dev.aims.assessment.gap.RagStatus;
import dev.aims.audit.coverage.CoverageException;
import dev.aims.core.records.AimsRecords;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code aims gap DIR}: the gap analysis of a records directory over the 32 leaf clauses of Clauses
 * 4 to 10 and the 38 Annex A controls, with the commonly missed gaps listed at the end. With {@code
 * --log} the controls an evidence log cites are judged by it too.
 */
@Command(
    name = "gap",
    mixinStandardHelpOptions = true,
    description = {
      "Gap analysis over Clauses 4-10 (32 leaf clauses) and Annex A (38 controls): a status per"
          + " item (🔴 records missing, 🟡 incomplete or stale, 🟢 met), the evidence needed, and the"
          + " gap or action.",
    })
public final class GapCommand extends RecordsDirectoryCommand.OfDirectory {
  @Mixin EvidenceLogOptions evidence = new EvidenceLogOptions();

  @Override
  public Integer call() throws JsonProcessingException {
    AimsRecords records = records();
    EvidenceWindow window = evidence.window(spec);
    EvidenceCoverage coverage;
    try {
      coverage = evidence.coverage(spec);
    } catch (CoverageException e) {
      return EvidenceLogOptions.refused(spec, e);
    }
    GapAnalysis a = GapAnalyzer.analyse(records, day(), coverage, window);
    if (json) {
      printJson(a);
      return 0;
    }
    PrintWriter out = out();
    out.println(
        "Gap analysis of "
            + a.organisation()
            + " as of "
            + a.asOf()
            + ": Clauses 4-10 (32 leaf clauses) and Annex A (38 controls)");
    out.println(
        RagStatus.RED.symbol()
            + " "
            + a.counts().get(RagStatus.RED)
            + " records missing   "
            + RagStatus.AMBER.symbol()
            + " "
            + a.counts().get(RagStatus.AMBER)
            + " incomplete   "
            + RagStatus.GREEN.symbol()
            + " "
            + a.counts().get(RagStatus.GREEN)
            + " met");
    if (coverage.hasLog()) {
      EvidenceLogOptions.describe(out, coverage, window, a.asOf());
    }
    out.println();
    TextTable t =
        new TextTable(
            List.of("Ref", "", "Title", "Evidence needed", "Found, or gap → action"),
            0,
            0,
            30,
            34,
            60);
    for (GapItem i : a.items()) {
      t.row(
          i.ref(),
          i.status().symbol(),
          i.title(),
          String.join("; ", i.evidenceNeeded()),
          detail(i));
    }
    t.print(out);
    List<FlaggedMiss> misses = a.typicalMisses();
    out.println();
    if (misses.isEmpty()) {
      out.println("None of the commonly missed gaps was found.");
    } else {
      out.println("Commonly missed gaps found:");
      for (FlaggedMiss m : misses) {
        out.println("  - " + m.miss().description() + " (" + String.join(", ", m.refs()) + ")");
        m.details().forEach(d -> out.println("      " + d));
      }
    }
    return 0;
  }

  private static String detail(GapItem i) {
    if (i.gaps().isEmpty()) {
      return i.evidenceFound().isEmpty() ? "" : i.evidenceFound().get(0);
    }
    Gap g = i.gaps().get(0);
    String more = i.gaps().size() > 1 ? " (+" + (i.gaps().size() - 1) + " more)" : "";
    return g.message() + " → " + g.action() + more;
  }
}
