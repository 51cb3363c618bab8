package dev.aims.assessment.gap;

import dev.aims.assessment.asof.RecordsAsOf;
import dev.aims.assessment.risk.RiskFinding;
import dev.aims.assessment.risk.RiskRegisterCheck;
import dev.aims.assessment.soa.SoaProposal;
import dev.aims.assessment.soa.SoaProposer;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.system.AiSystem;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** What every check needs, worked out once per analysis. Immutable. */
final class Facts {
  final AimsRecords records;
  final LocalDate asOf;
  final List<AiSystem> inScope;
  final SoaProposal proposal;
  final List<RiskFinding> riskFindings;

  Facts(AimsRecords records, LocalDate asOf) {
    this.asOf = Objects.requireNonNull(asOf, "asOf");
    // Every check sees only what existed on the day of the analysis.
    this.records = RecordsAsOf.on(Objects.requireNonNull(records, "records"), asOf);
    this.inScope = this.records.inScopeSystems();
    this.proposal = SoaProposer.propose(this.records);
    this.riskFindings =
        RiskRegisterCheck.forRecords(this.records).check(this.records.risks(), asOf);
  }

  /** Returns "a, b and c" for up to five items, then "and N more". */
  static String list(List<String> items) {
    if (items.size() > 5) {
      return String.join(", ", items.subList(0, 5)) + " and " + (items.size() - 5) + " more";
    }
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }

  static String plural(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
