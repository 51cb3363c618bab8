package dev.aims.assessment.soa;

import dev.aims.core.catalog.Catalog;
import dev.aims.core.soa.ImplementationStatus;
import dev.aims.core.soa.SoaDecision;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.soa.StatementOfApplicability;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A person's review of a {@link SoaProposal}: the changes they make and their confirmation, which
 * yields the {@link StatementOfApplicability} the organisation keeps (Clause 6.1.3).
 *
 * <p>Immutable: every change returns a new review. {@link #confirm} records on each entry who
 * decided, when, and whether the decision differs from the proposal, so that the statement shows
 * that a person, not the tool, decided.
 */
public final class SoaReview {
  private record Change(boolean applicable, String justification) {}

  private final SoaProposal proposal;
  private final Map<String, Change> changes;
  private final List<SoaEntry> organisationControls;
  private final Optional<StatementOfApplicability> previous;

  private SoaReview(
      SoaProposal proposal,
      Map<String, Change> changes,
      List<SoaEntry> organisationControls,
      Optional<StatementOfApplicability> previous) {
    this.proposal = proposal;
    this.changes = Map.copyOf(changes);
    this.organisationControls = List.copyOf(organisationControls);
    this.previous = previous;
  }

  static SoaReview of(SoaProposal proposal) {
    return new SoaReview(proposal, Map.of(), List.of(), Optional.empty());
  }

  /**
   * Includes a control, whatever the proposal said.
   *
   * @throws dev.aims.core.catalog.UnknownIdException naming the nearest ids for an unknown control
   * @throws IllegalArgumentException when the justification is blank
   */
  public SoaReview include(String controlId, String justification) {
    return change(controlId, true, justification);
  }

  /**
   * Excludes a control, whatever the proposal said; the justification must say why.
   *
   * @throws dev.aims.core.catalog.UnknownIdException naming the nearest ids for an unknown control
   * @throws IllegalArgumentException when the justification is blank
   */
  public SoaReview exclude(String controlId, String justification) {
    return change(controlId, false, justification);
  }

  /** Replaces the justification of a control and keeps the proposed (or changed) applicability. */
  public SoaReview justify(String controlId, String justification) {
    String id = Catalog.standard().control(controlId).id();
    boolean applicable =
        Optional.ofNullable(changes.get(id))
            .map(Change::applicable)
            .orElseGet(() -> proposal.entry(id).orElseThrow().applicable());
    return change(id, applicable, justification);
  }

  /** Adds a control of the organisation's own design; it must be marked organisation-specific. */
  public SoaReview addOrganisationControl(SoaEntry entry) {
    if (!entry.organisationSpecific()) {
      throw new IllegalArgumentException(
          "entry '" + entry.controlId() + "' must have organisationSpecific=true to be added");
    }
    List<SoaEntry> more = new ArrayList<>(organisationControls);
    more.add(entry);
    return new SoaReview(proposal, changes, more, previous);
  }

  /**
   * Carries implementation status, evidence, owner and target date over from a statement kept
   * before, for every control whose applicability stays the same. Its organisation-specific
   * controls are carried over too unless added again.
   */
  public SoaReview keepImplementationFrom(StatementOfApplicability kept) {
    return new SoaReview(proposal, changes, organisationControls, Optional.of(kept));
  }

  /**
   * Confirms the reviewed proposal as the organisation's Statement of Applicability.
   *
   * @param decidedBy the person who decides and approves, e.g. {@code "Dana Reyes (CRO)"}
   * @param decidedOn the day of the decision
   * @param version the version of the statement
   * @throws dev.aims.core.validation.InvalidRecordException when the result breaks a rule of {@link
   *     StatementOfApplicability}, naming the field and value
   */
  public StatementOfApplicability confirm(String decidedBy, LocalDate decidedOn, String version) {
    Objects.requireNonNull(decidedOn, "decidedOn");
    if (decidedBy == null || decidedBy.isBlank()) {
      throw new IllegalArgumentException(
          "decidedBy must name the person who decides (value: '" + decidedBy + "')");
    }
    StatementOfApplicability.Builder soa =
        StatementOfApplicability.builder()
            .version(version)
            .approvedBy(decidedBy)
            .approvedOn(decidedOn);
    previous.ifPresent(p -> soa.id(p.id()));
    for (ProposedEntry p : proposal.entries()) {
      Change change = changes.get(p.controlId());
      boolean applicable = change == null ? p.applicable() : change.applicable();
      String justification = change == null ? p.justification() : change.justification();
      boolean changed =
          change != null
              && (change.applicable() != p.applicable()
                  || !change.justification().equals(p.justification()));
      SoaEntry.Builder entry =
          SoaEntry.builder()
              .controlId(p.controlId())
              .applicable(applicable)
              .justification(justification)
              .riskIds(p.riskIds())
              .decision(SoaDecision.of(decidedBy, decidedOn, changed));
      previous
          .flatMap(k -> k.entry(p.controlId()))
          .filter(k -> k.applicable() == applicable)
          .ifPresent(
              k -> {
                entry.implementationStatus(k.implementationStatus());
                entry.evidence(k.evidence());
                k.owner().ifPresent(entry::owner);
                k.targetDate().ifPresent(entry::targetDate);
              });
      if (!applicable) {
        entry.implementationStatus(ImplementationStatus.NOT_APPLICABLE);
      }
      soa.addEntries(entry.build());
    }
    Map<String, SoaEntry> own = new LinkedHashMap<>();
    previous.ifPresent(k -> k.organisationEntries().forEach(e -> own.put(e.controlId(), e)));
    organisationControls.forEach(e -> own.put(e.controlId(), e));
    own.values()
        .forEach(
            e ->
                soa.addEntries(
                    SoaEntry.builder()
                        .from(e)
                        .decision(SoaDecision.of(decidedBy, decidedOn, false))
                        .build()));
    return soa.build();
  }

  private SoaReview change(String controlId, boolean applicable, String justification) {
    String id = Catalog.standard().control(controlId).id();
    if (justification == null || justification.isBlank()) {
      throw new IllegalArgumentException(
          "justification for "
              + id
              + " must say why it is "
              + (applicable ? "included" : "excluded")
              + " (value: '"
              + justification
              + "')");
    }
    Map<String, Change> more = new LinkedHashMap<>(changes);
    more.put(id, new Change(applicable, justification));
    return new SoaReview(proposal, more, organisationControls, previous);
  }
}
