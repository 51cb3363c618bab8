package dev.aims.assessment.readiness;

import dev.aims.assessment.gap.RagStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Certification readiness as of one day: the two checklists, the blocking items and, when a
 * certificate date is known, the certification cycle.
 *
 * @param organisation the organisation's name
 * @param asOf the day of the assessment
 * @param stage1 the Stage 1 checklist, in order
 * @param stage2 the Stage 2 checklist, in order
 * @param cycle the certification cycle, when a certificate date is known
 */
public record ReadinessReport(
    String organisation,
    LocalDate asOf,
    List<ChecklistEntry> stage1,
    List<ChecklistEntry> stage2,
    Optional<CertificationCycle> cycle) {
  /** Copies the lists. */
  public ReadinessReport {
    stage1 = List.copyOf(stage1);
    stage2 = List.copyOf(stage2);
  }

  /** Returns the entries of both checklists, Stage 1 first. */
  public List<ChecklistEntry> entries() {
    List<ChecklistEntry> all = new ArrayList<>(stage1);
    all.addAll(stage2);
    return all;
  }

  /** Returns the blocking items of both stages: exactly the red ones, in checklist order. */
  public List<ChecklistEntry> blocking() {
    return entries().stream().filter(ChecklistEntry::blocking).toList();
  }

  /** Returns whether no Stage 1 item is red. */
  public boolean readyForStage1() {
    return stage1.stream().noneMatch(ChecklistEntry::blocking);
  }

  /** Returns whether no item of either stage is red. */
  public boolean readyForStage2() {
    return readyForStage1() && stage2.stream().noneMatch(ChecklistEntry::blocking);
  }

  /** Returns the worst status of a stage's checklist. */
  public RagStatus status(Stage stage) {
    return (stage == Stage.STAGE_1 ? stage1 : stage2)
        .stream().map(ChecklistEntry::status).reduce(RagStatus.GREEN, RagStatus::worst);
  }
}
