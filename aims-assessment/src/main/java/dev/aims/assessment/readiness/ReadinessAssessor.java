package dev.aims.assessment.readiness;

import dev.aims.assessment.asof.RecordsAsOf;
import dev.aims.assessment.gap.CheckResult;
import dev.aims.assessment.gap.EvidenceCheck;
import dev.aims.assessment.gap.Verdict;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.records.Organisation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges certification readiness from an organisation's records.
 *
 * <p>Each {@link ReadinessItem} takes the worst status of its evidence checks, with their evidence
 * and gaps. Red items are blocking: a kind of record the auditor will ask for is absent. Amber
 * items will draw findings but do not stop the audit. Pure and deterministic.
 */
public final class ReadinessAssessor {
  private ReadinessAssessor() {}

  /**
   * Assesses readiness as of {@code asOf}, from the records dated on or before it ({@link
   * RecordsAsOf}); the cycle follows the certificate date (issued or expected) kept in the
   * organisation's records, if any.
   */
  public static ReadinessReport assess(AimsRecords records, LocalDate asOf) {
    return assess(records, asOf, records.organisation().flatMap(Organisation::certificateDate));
  }

  /**
   * Assesses readiness as of {@code asOf}, with the certification cycle of {@code certificateDate}
   * when it is present (an expected date works too).
   */
  public static ReadinessReport assess(
      AimsRecords records, LocalDate asOf, Optional<LocalDate> certificateDate) {
    Map<EvidenceCheck, CheckResult> results = EvidenceCheck.evaluateAll(records, asOf);
    return new ReadinessReport(
        records.organisationName(),
        asOf,
        entries(Stage.STAGE_1, results),
        entries(Stage.STAGE_2, results),
        certificateDate.map(CertificationCycle::from));
  }

  private static List<ChecklistEntry> entries(
      Stage stage, Map<EvidenceCheck, CheckResult> results) {
    List<ChecklistEntry> out = new ArrayList<>();
    for (ReadinessItem item : ReadinessItem.of(stage)) {
      Verdict v =
          Verdict.of(item.checks().stream().map(results::get).toList(), List.of(), List.of());
      out.add(new ChecklistEntry(item, v.status(), v.found(), v.gaps()));
    }
    return out;
  }
}
