package dev.aims.core.testing;

import static dev.aims.core.testing.CommonGen.clauseOrControlIds;
import static dev.aims.core.testing.CommonGen.date;
import static dev.aims.core.testing.CommonGen.distinctBy;
import static dev.aims.core.testing.CommonGen.enumValue;
import static dev.aims.core.testing.CommonGen.listOf;
import static dev.aims.core.testing.CommonGen.onOrAfter;
import static dev.aims.core.testing.CommonGen.optional;
import static dev.aims.core.testing.CommonGen.recordId;
import static dev.aims.core.testing.CommonGen.text;

import dev.aims.core.audit.AuditFinding;
import dev.aims.core.audit.AuditProgramme;
import dev.aims.core.audit.AuditReport;
import dev.aims.core.audit.FindingSeverity;
import dev.aims.core.audit.PlannedAudit;
import java.time.LocalDate;
import java.util.Optional;
import org.quicktheories.core.Gen;

/** QuickTheories generators of valid {@code dev.aims.core.audit} values. */
public final class AuditGen {
  private AuditGen() {}

  /** Returns valid planned audits on days 0 to 365 after {@code from}. */
  public static Gen<PlannedAudit> plannedAudits(LocalDate from) {
    return in ->
        PlannedAudit.builder()
            .id(recordId().generate(in))
            .scope(text().generate(in))
            .addCriteria(text().generate(in))
            .addAllCriteria(listOf(text(), 2).generate(in))
            .references(clauseOrControlIds(4).generate(in))
            .plannedDate(onOrAfter(from, 365).generate(in))
            .leadAuditor(optional(text()).generate(in))
            .build();
  }

  /** Returns valid audit programmes of one year with distinct audit ids. */
  public static Gen<AuditProgramme> programmes() {
    return in -> {
      LocalDate start = date().generate(in);
      return AuditProgramme.builder()
          .id(recordId().generate(in))
          .periodStart(start)
          .periodEnd(start.plusDays(365))
          .owner(text().generate(in))
          .approach(optional(text()).generate(in))
          .audits(distinctBy(listOf(plannedAudits(start), 3).generate(in), PlannedAudit::id))
          .build();
    };
  }

  /** Returns valid findings; only nonconformities link to a nonconformity. */
  public static Gen<AuditFinding> findings() {
    return in -> {
      FindingSeverity severity = enumValue(FindingSeverity.class).generate(in);
      return AuditFinding.builder()
          .id(recordId().generate(in))
          .severity(severity)
          .description(text().generate(in))
          .addReferences(CommonGen.oneOf("9.2.2", "a.6.2.8", "A.10.3", "4").generate(in))
          .evidence(optional(text()).generate(in))
          .nonconformityId(
              severity.isNonconformity() ? optional(recordId()).generate(in) : Optional.empty())
          .build();
    };
  }

  /** Returns valid audit reports with ordered dates and distinct finding ids. */
  public static Gen<AuditReport> reports() {
    return in -> {
      LocalDate start = date().generate(in);
      LocalDate end = onOrAfter(start, 10).generate(in);
      return AuditReport.builder()
          .id(recordId().generate(in))
          .plannedAuditId(optional(recordId()).generate(in))
          .scope(text().generate(in))
          .addCriteria(text().generate(in))
          .startDate(start)
          .endDate(end)
          .reportDate(onOrAfter(end, 30).generate(in))
          .leadAuditor(text().generate(in))
          .auditTeam(listOf(text(), 2).generate(in))
          .findings(distinctBy(listOf(findings(), 4).generate(in), AuditFinding::id))
          .conclusion(text().generate(in))
          .build();
    };
  }
}
