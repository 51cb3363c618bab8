package dev.aims.assessment.asof;

import dev.aims.core.competence.CompetenceEvidence;
import dev.aims.core.competence.CompetenceRecord;
import dev.aims.core.improvement.CorrectiveAction;
import dev.aims.core.improvement.CorrectiveActionStatus;
import dev.aims.core.improvement.EffectivenessCheck;
import dev.aims.core.improvement.ImprovementItem;
import dev.aims.core.improvement.ImprovementStatus;
import dev.aims.core.improvement.Nonconformity;
import dev.aims.core.improvement.NonconformityStatus;
import dev.aims.core.incident.AiIncident;
import dev.aims.core.incident.IncidentStatus;
import dev.aims.core.incident.Notification;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.risk.RiskEntry;
import dev.aims.core.soa.StatementOfApplicability;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The records as they stood at the end of a day: what an analysis "as of" that day may see.
 *
 * <p>A record dated after the day did not exist yet and is left out: audit reports (by report
 * date), management reviews, nonconformities, corrective actions and improvements (by the day they
 * were raised), competence assessments, awareness sessions, supplier assessments and impact
 * assessments (by the day of assessment), incidents (by detection, in UTC), oversight records (by
 * the end of the period they report) and audit programmes (by the start of the period they plan,
 * since they carry no date of their own). What happened to a kept record after the day is undone: a
 * nonconformity closed later is still in progress, a corrective action completed later is in
 * progress and unchecked, an effectiveness check made later is absent, an improvement finished
 * later is in progress, an incident resolved later is being investigated and notifications sent
 * later are not yet sent, evidence of competence obtained later is absent, a risk acceptance made
 * later is absent and an SoA approved later is unapproved. Records without a date of their own
 * (organisation, systems, risks, objectives, scope, SoA entries) are kept as they are, and so is
 * the certificate date, which may be an expected one; policies are kept, since the analyses judge
 * their effective dates themselves.
 *
 * <p>Pure and idempotent: viewing a view on the same day returns equal records.
 */
public final class RecordsAsOf {
  private RecordsAsOf() {}

  /**
   * Returns {@code records} as they stood at the end of {@code day}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static AimsRecords on(AimsRecords records, LocalDate day) {
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(day, "day");
    Predicate<LocalDate> seen = d -> !d.isAfter(day);
    Instant endOfDay = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Predicate<Instant> seenAt = t -> t.isBefore(endOfDay);
    return AimsRecords.builder()
        .from(records)
        .soa(records.soa().map(s -> soa(s, seen)))
        .risks(map(records.risks(), r -> risk(r, seen)))
        .impactAssessments(keep(records.impactAssessments(), a -> seen.test(a.assessedOn())))
        .auditProgrammes(keep(records.auditProgrammes(), p -> seen.test(p.periodStart())))
        .auditReports(keep(records.auditReports(), a -> seen.test(a.reportDate())))
        .managementReviews(keep(records.managementReviews(), m -> seen.test(m.date())))
        .nonconformities(
            map(
                keep(records.nonconformities(), n -> seen.test(n.raisedOn())),
                n -> nonconformity(n, seen)))
        .correctiveActions(
            map(
                keep(records.correctiveActions(), a -> seen.test(a.raisedOn())),
                a -> correctiveAction(a, seen)))
        .improvements(
            map(
                keep(records.improvements(), i -> seen.test(i.raisedOn())),
                i -> improvement(i, seen)))
        .competence(
            map(
                keep(records.competence(), c -> seen.test(c.assessedOn())),
                c -> competence(c, seen)))
        .awareness(keep(records.awareness(), a -> seen.test(a.deliveredOn())))
        .supplierAssessments(keep(records.supplierAssessments(), s -> seen.test(s.assessedOn())))
        .incidents(
            map(
                keep(records.incidents(), i -> seenAt.test(i.detectedAt())),
                i -> incident(i, seenAt)))
        .oversight(keep(records.oversight(), o -> seen.test(o.periodEnd())))
        .build();
  }

  private static <T> List<T> keep(List<T> all, Predicate<T> seen) {
    return all.stream().filter(seen).toList();
  }

  private static <T> List<T> map(List<T> all, Function<T, T> asOf) {
    return all.stream().map(asOf).toList();
  }

  private static StatementOfApplicability soa(
      StatementOfApplicability s, Predicate<LocalDate> seen) {
    if (s.approvedOn().map(seen::test).orElse(true)) {
      return s;
    }
    return StatementOfApplicability.builder()
        .from(s)
        .approvedBy(Optional.empty())
        .approvedOn(Optional.empty())
        .build();
  }

  private static RiskEntry risk(RiskEntry r, Predicate<LocalDate> seen) {
    if (r.acceptance().map(a -> seen.test(a.acceptedOn())).orElse(true)) {
      return r;
    }
    return RiskEntry.builder().from(r).acceptance(Optional.empty()).build();
  }

  private static Nonconformity nonconformity(Nonconformity n, Predicate<LocalDate> seen) {
    if (n.closedOn().map(seen::test).orElse(true)) {
      return n;
    }
    return Nonconformity.builder()
        .from(n)
        .status(NonconformityStatus.ACTIONS_IN_PROGRESS)
        .closedOn(Optional.empty())
        .build();
  }

  private static CorrectiveAction correctiveAction(CorrectiveAction a, Predicate<LocalDate> seen) {
    boolean completedLater = !a.completedOn().map(seen::test).orElse(true);
    boolean checkedLater =
        !a.effectivenessCheck().map(EffectivenessCheck::checkedOn).map(seen::test).orElse(true);
    if (!completedLater && !checkedLater) {
      return a;
    }
    CorrectiveAction.Builder b =
        CorrectiveAction.builder().from(a).effectivenessCheck(Optional.empty());
    if (completedLater) {
      b.status(CorrectiveActionStatus.IN_PROGRESS).completedOn(Optional.empty());
    } else if (a.status() == CorrectiveActionStatus.CLOSED) {
      // Closing needs a check that found it effective; without the later check it was implemented.
      b.status(CorrectiveActionStatus.IMPLEMENTED);
    }
    return b.build();
  }

  private static ImprovementItem improvement(ImprovementItem i, Predicate<LocalDate> seen) {
    if (i.completedOn().map(seen::test).orElse(true)) {
      return i;
    }
    return ImprovementItem.builder()
        .from(i)
        .status(ImprovementStatus.IN_PROGRESS)
        .completedOn(Optional.empty())
        .build();
  }

  private static CompetenceRecord competence(CompetenceRecord c, Predicate<LocalDate> seen) {
    List<CompetenceEvidence> evidence =
        keep(c.evidence(), e -> e.obtainedOn().map(seen::test).orElse(true));
    if (evidence.size() == c.evidence().size()) {
      return c;
    }
    return CompetenceRecord.builder().from(c).evidence(evidence).build();
  }

  private static AiIncident incident(AiIncident i, Predicate<Instant> seen) {
    List<Notification> sent = keep(i.notifiedParties(), n -> seen.test(n.notifiedAt()));
    boolean resolvedLater = !i.resolvedAt().map(seen::test).orElse(true);
    if (!resolvedLater && sent.size() == i.notifiedParties().size()) {
      return i;
    }
    AiIncident.Builder b = AiIncident.builder().from(i).notifiedParties(sent);
    if (resolvedLater) {
      b.status(IncidentStatus.INVESTIGATING).resolvedAt(Optional.empty());
    }
    return b.build();
  }
}
