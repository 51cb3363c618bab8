package dev.aims.core.audit;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.validation.Invariants;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The internal audit programme (Clause 9.2.2): the audits planned for a period, who manages the
 * programme, and how audits are run and reported.
 *
 * <p>{@code build()} rejects a period that ends before it starts, audits planned outside the period
 * and audit ids used twice. Immutable and thread-safe.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableAuditProgramme.class)
@JsonDeserialize(builder = AuditProgramme.Builder.class)
public abstract class AuditProgramme {
  AuditProgramme() {}

  /** Returns the programme's id, matching {@link Invariants#RECORD_ID}, e.g. {@code IAP-2025}. */
  @Pattern(regexp = Invariants.RECORD_ID)
  public abstract String id();

  /** Returns the first day of the period the programme covers. */
  public abstract LocalDate periodStart();

  /** Returns the last day of the period the programme covers. */
  public abstract LocalDate periodEnd();

  /** Returns who manages the programme, a person or a role. */
  @NotBlank
  public abstract String owner();

  /**
   * Returns how audits are run: frequency, methods, how auditors are chosen to be objective and
   * impartial, how results are reported.
   */
  public abstract Optional<@Pattern(regexp = Invariants.TEXT, message = "must not be blank") String>
      approach();

  /** Returns the audits planned in the period. */
  public abstract List<@Valid PlannedAudit> audits();

  /** Returns the planned audit with this id, if there is one. */
  public Optional<PlannedAudit> audit(String auditId) {
    return audits().stream().filter(a -> a.id().equals(auditId)).findFirst();
  }

  @Value.Check
  final void check() {
    Invariants check =
        Invariants.of("AuditProgramme", id())
            .constraints(this)
            .notBefore("periodEnd", periodEnd(), "periodStart", periodStart())
            .unique("audits", audits(), PlannedAudit::id, "id");
    for (int i = 0; i < audits().size(); i++) {
      LocalDate planned = audits().get(i).plannedDate();
      check.require(
          !planned.isBefore(periodStart()) && !planned.isAfter(periodEnd()),
          "audits[" + i + "].plannedDate",
          "WithinPeriod",
          planned,
          "is outside the programme's period " + periodStart() + " to " + periodEnd());
    }
    check.check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AuditProgramme}; {@code build()} rejects the problems listed on the class. */
  public static final class Builder extends ImmutableAuditProgramme.Builder {}
}
