package dev.aims.core.audit;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.validation.Invariants;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The report of one internal audit (Clause 9.2): scope, criteria, dates, auditors, findings and
 * conclusion. Retained as evidence of the audit results (Clause 9.2.2).
 *
 * <p>{@code build()} rejects an end date before the start date, a report dated before the audit
 * ended, and finding ids used twice. Immutable and thread-safe.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableAuditReport.class)
@JsonDeserialize(builder = AuditReport.Builder.class)
public abstract class AuditReport {
  AuditReport() {}

  /** Returns the report's id, matching {@link Invariants#RECORD_ID}. */
  @Pattern(regexp = Invariants.RECORD_ID)
  public abstract String id();

  /** Returns the id of the planned audit it reports on, when it was part of the programme. */
  public abstract Optional<@Pattern(regexp = Invariants.RECORD_ID) String> plannedAuditId();

  /** Returns what the audit covered. */
  @NotBlank
  public abstract String scope();

  /** Returns the criteria audited against. */
  @NotEmpty
  public abstract List<@NotBlank String> criteria();

  /** Returns the first day of the audit. */
  public abstract LocalDate startDate();

  /** Returns the last day of the audit. */
  public abstract LocalDate endDate();

  /** Returns the day the report was issued. */
  public abstract LocalDate reportDate();

  /** Returns the lead auditor. */
  @NotBlank
  public abstract String leadAuditor();

  /** Returns the other members of the audit team; may be empty. */
  public abstract List<@NotBlank String> auditTeam();

  /** Returns the findings; empty when the audit found nothing to report. */
  public abstract List<@Valid AuditFinding> findings();

  /** Returns the audit's conclusion on the conformity and effectiveness of the AIMS. */
  @NotBlank
  public abstract String conclusion();

  /** Returns the findings that are nonconformities (Clause 10.2), in order. */
  public List<AuditFinding> nonconformities() {
    return findings().stream().filter(f -> f.severity().isNonconformity()).toList();
  }

  /** Returns the findings of one severity, in order. */
  public List<AuditFinding> findingsOf(FindingSeverity severity) {
    return findings().stream().filter(f -> f.severity() == severity).toList();
  }

  @Value.Check
  final void check() {
    Invariants.of("AuditReport", id())
        .constraints(this)
        .notBefore("endDate", endDate(), "startDate", startDate())
        .notBefore("reportDate", reportDate(), "endDate", endDate())
        .unique("findings", findings(), AuditFinding::id, "id")
        .check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AuditReport}; {@code build()} rejects the problems listed on the class. */
  public static final class Builder extends ImmutableAuditReport.Builder {}
}
