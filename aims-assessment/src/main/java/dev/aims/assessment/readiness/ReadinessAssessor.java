package dev.aims.assessment.readiness;

import dev.aims.assessment.asof.RecordsAsOf;
import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.assessment.coverage.EvidenceWindow;
import dev.aims.assessment.gap.CheckResult;
import dev.aims.assessment.gap.EvidenceCheck;
import dev.aims.assessment.gap.Gap;
import dev.aims.assessment.gap.RagStatus;
import dev.aims.assessment.gap.Verdict;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.records.Organisation;
import dev.aims.core.system.AiSystem;
import dev.aims.core.system.SystemStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Judges certification readiness from an organisation's records.
 *
 * <p>Each {@link ReadinessItem} takes the worst status of its evidence checks, with their evidence
 * and gaps. Red items are blocking: a kind of record the auditor will ask for is absent. Amber
 * items will draw findings but do not stop the audit. Pure and deterministic.
 *
 * <p>Given an {@link EvidenceCoverage} of an evidence log, Stage 2 also holds {@link
 * ReadinessItem#AI_SYSTEM_RECORDS}: red when an in-scope AI system in operation has no record in
 * the log in the {@link EvidenceWindow} before the as-of day, amber when no system is in operation,
 * green otherwise, with each system's count.
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
    return assess(records, asOf, certificateDate, EvidenceCoverage.none(), EvidenceWindow.DEFAULT);
  }

  /**
   * Assesses readiness as {@link #assess(AimsRecords, LocalDate)} does, and judges the AI system
   * records from the evidence log's coverage in {@code window} (see the class comment).
   */
  public static ReadinessReport assess(
      AimsRecords records, LocalDate asOf, EvidenceCoverage coverage, EvidenceWindow window) {
    return assess(
        records,
        asOf,
        records.organisation().flatMap(Organisation::certificateDate),
        coverage,
        window);
  }

  /**
   * Assesses readiness with the certification cycle of {@code certificateDate} when present, and
   * the AI system records judged from the evidence log's coverage in {@code window}; with {@link
   * EvidenceCoverage#none()} the result is that of {@link #assess(AimsRecords, LocalDate,
   * Optional)}.
   */
  public static ReadinessReport assess(
      AimsRecords records,
      LocalDate asOf,
      Optional<LocalDate> certificateDate,
      EvidenceCoverage coverage,
      EvidenceWindow window) {
    Objects.requireNonNull(coverage, "coverage");
    Objects.requireNonNull(window, "window");
    Map<EvidenceCheck, CheckResult> results = EvidenceCheck.evaluateAll(records, asOf);
    LogJudge log = new LogJudge(records, asOf, coverage, window);
    return new ReadinessReport(
        records.organisationName(),
        asOf,
        entries(Stage.STAGE_1, results, log),
        entries(Stage.STAGE_2, results, log),
        certificateDate.map(CertificationCycle::from));
  }

  private static List<ChecklistEntry> entries(
      Stage stage, Map<EvidenceCheck, CheckResult> results, LogJudge log) {
    List<ChecklistEntry> out = new ArrayList<>();
    for (ReadinessItem item : ReadinessItem.of(stage, log.coverage.hasLog())) {
      if (item.judgedFromLog()) {
        out.add(log.systemRecords(item));
        continue;
      }
      Verdict v =
          Verdict.of(item.checks().stream().map(results::get).toList(), List.of(), List.of());
      out.add(new ChecklistEntry(item, v.status(), v.found(), v.gaps()));
    }
    return out;
  }

  /** Judges the items that an evidence log answers. */
  private static final class LogJudge {
    private final AimsRecords records;
    private final LocalDate asOf;
    private final EvidenceCoverage coverage;
    private final EvidenceWindow window;

    LogJudge(
        AimsRecords records, LocalDate asOf, EvidenceCoverage coverage, EvidenceWindow window) {
      this.records = records;
      this.asOf = asOf;
      this.coverage = coverage;
      this.window = window;
    }

    ChecklistEntry systemRecords(ReadinessItem item) {
      List<String> operating =
          records.inScopeSystems().stream()
              .filter(s -> s.status() == SystemStatus.IN_OPERATION)
              .map(AiSystem::id)
              .toList();
      String span = window.describe() + " (" + window.firstDay(asOf) + " to " + asOf + ")";
      List<String> found = new ArrayList<>();
      List<Gap> gaps = new ArrayList<>();
      if (operating.isEmpty()) {
        gaps.add(
            new Gap(
                RagStatus.AMBER,
                "No in-scope AI system is in operation, so the evidence log shows no operation",
                "Stage 2 looks for records of systems in use: log their decisions, oversight and"
                    + " monitoring",
                Optional.empty()));
      }
      for (String system : operating) {
        long n = recordsOf(system);
        if (n == 0) {
          gaps.add(
              new Gap(
                  RagStatus.RED,
                  system + " is in operation but has no record in the evidence log in " + span,
                  "Log " + system + "'s decisions, oversight and monitoring as evidence records",
                  Optional.empty()));
        } else {
          found.add(system + ": at least " + n + " record" + (n == 1 ? "" : "s") + " in " + span);
        }
      }
      Verdict v = Verdict.of(List.of(), found, gaps);
      return new ChecklistEntry(item, v.status(), v.found(), v.gaps());
    }

    /** Counts a system's records in the window once, whatever number of controls each cites. */
    private long recordsOf(String system) {
      return coverage.entries().stream()
          .filter(e -> e.systemId().equals(system))
          .mapToLong(e -> e.recordsBetween(window.firstDay(asOf), asOf))
          .max()
          .orElse(0);
    }
  }
}
