package dev.aims.core.audit;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.validation.Invariants;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One audit of the internal audit programme (Clause 9.2.2): what it covers, against which criteria,
 * when and by whom.
 *
 * <p>{@code build()} rejects references that are not clauses or Annex A controls.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutablePlannedAudit.class)
@JsonDeserialize(builder = PlannedAudit.Builder.class)
public abstract class PlannedAudit {
  PlannedAudit() {}

  /** Returns the audit's id, matching {@link Invariants#RECORD_ID}, e.g. {@code IA-2025-1}. */
  @Pattern(regexp = Invariants.RECORD_ID)
  public abstract String id();

  /** Returns what the audit covers: processes, units, AI systems. */
  @NotBlank
  public abstract String scope();

  /** Returns the audit criteria, e.g. {@code ISO/IEC 42001:2023}, {@code AI policy v2}. */
  @NotEmpty
  public abstract List<@NotBlank String> criteria();

  /** Returns the clauses and Annex A controls the audit covers; each is checked. */
  public abstract List<String> references();

  /** Returns the day the audit is planned to start. */
  public abstract LocalDate plannedDate();

  /** Returns the lead auditor, when assigned. */
  public abstract Optional<@Pattern(regexp = Invariants.TEXT, message = "must not be blank") String>
      leadAuditor();

  @Value.Check
  final void check() {
    Invariants.of("PlannedAudit", id())
        .constraints(this)
        .clausesOrControls("references", references())
        .check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PlannedAudit}; {@code build()} rejects unknown clause or control ids. */
  public static final class Builder extends ImmutablePlannedAudit.Builder {}
}
