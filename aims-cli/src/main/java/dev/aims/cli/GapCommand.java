package dev.aims.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.assessment.coverage.EvidenceWindow;
import dev.aims.assessment.gap.GapAnalysis;
import dev.aims.assessment.gap.GapAnalyzer;
import dev.aims.audit.coverage.CoverageException;
import dev.aims.audit.report.text.GapText;
import dev.aims.core.records.AimsRecords;
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
    out().append(GapText.render(a, coverage, window)).flush();
    return 0;
  }
}
