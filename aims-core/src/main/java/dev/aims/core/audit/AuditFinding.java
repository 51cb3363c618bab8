package dev.aims.core.audit;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.validation.Invariants;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One finding of an internal audit (Clause 9.2): how serious it is, what was found, the clauses and
 * Annex A controls it concerns, the evidence, and the nonconformity raised from it.
 *
 * <p>{@code build()} rejects references that are not clauses or Annex A controls and a
 * nonconformity link on a finding that is not a nonconformity.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableAuditFinding.class)
@JsonDeserialize(builder = AuditFinding.Builder.class)
public abstract class AuditFinding {
  AuditFinding() {}

  /** Returns the finding's id within its report, matching {@link Invariants#RECORD_ID}. */
  @Pattern(regexp = Invariants.RECORD_ID)
  public abstract String id();

  /** Returns how serious the finding is. */
  public abstract FindingSeverity severity();

  /** Returns what was found. */
  @NotBlank
  public abstract String description();

  /**
   * Returns the clauses and Annex A controls concerned, e.g. {@code 9.2.2}, {@code A.6.2.8}; at
   * least one, each checked against the catalogue.
   */
  @NotEmpty
  public abstract List<String> references();

  /** Returns the audit evidence the finding rests on, when recorded. */
  public abstract Optional<@Pattern(regexp = Invariants.TEXT, message = "must not be blank") String>
      evidence();

  /** Returns the id of the nonconformity raised from this finding (Clause 10.2), if any. */
  public abstract Optional<@Pattern(regexp = Invariants.RECORD_ID) String> nonconformityId();

  @Value.Check
  final void check() {
    Invariants.of("AuditFinding", id())
        .constraints(this)
        .clausesOrControls("references", references())
        .require(
            nonconformityId().isEmpty() || severity().isNonconformity(),
            "nonconformityId",
            "OnlyForNonconformity",
            nonconformityId(),
            "only a nonconformity finding links to a nonconformity; severity is " + severity())
        .check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AuditFinding}; {@code build()} rejects the problems listed on the class. */
  public static final class Builder extends ImmutableAuditFinding.Builder {}
}
