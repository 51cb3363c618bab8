package dev.aims.core.competence;

import com.fasterxml.jackson.annotation.JsonIgnore;
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
import java.util.Set;
import org.immutables.value.Value;

/**
 * The record of one awareness activity (Clause 7.3): who took part, which topics it covered, when
 * and how.
 *
 * <p>{@code build()} rejects a participant listed twice. Immutable and thread-safe.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableAwarenessRecord.class)
@JsonDeserialize(builder = AwarenessRecord.Builder.class)
public abstract class AwarenessRecord {
  AwarenessRecord() {}

  /** Returns the record's id, matching {@link Invariants#RECORD_ID}. */
  @Pattern(regexp = Invariants.RECORD_ID)
  public abstract String id();

  /** Returns the people or groups who took part; at least one. */
  @NotEmpty
  public abstract List<@NotBlank String> participants();

  /** Returns the topics covered; at least one. */
  @NotEmpty
  public abstract Set<AwarenessTopic> topics();

  /** Returns the day it took place. */
  public abstract LocalDate deliveredOn();

  /** Returns how it was delivered. */
  public abstract AwarenessMethod method();

  /** Returns the material used, e.g. a document id, when recorded. */
  public abstract Optional<@Pattern(regexp = Invariants.TEXT, message = "must not be blank") String>
      materials();

  /** Returns whether it covered the three topics Clause 7.3 requires. */
  @JsonIgnore
  public boolean isClause73Complete() {
    return topics().containsAll(AwarenessTopic.required());
  }

  @Value.Check
  final void check() {
    Invariants.of("AwarenessRecord", id())
        .constraints(this)
        .unique("participants", participants(), p -> p, "")
        .check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AwarenessRecord}; {@code build()} rejects repeated participants. */
  public static final class Builder extends ImmutableAwarenessRecord.Builder {}
}
