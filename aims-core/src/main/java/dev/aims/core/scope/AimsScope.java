package dev.aims.core.scope;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.system.AiRole;
import dev.aims.core.system.AiSystem;
import dev.aims.core.validation.Invariants;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The scope of the AI management system (Clause 4.3): its boundaries, the AI systems it covers, the
 * organisation's roles toward them (Clause 4.1), the interested parties and their requirements
 * (Clause 4.2), and the internal and external issues it takes into account (Clause 4.1).
 *
 * <p>{@code build()} rejects an AI system id listed twice, an interested party named twice and
 * broken field constraints, all at once. Immutable and thread-safe.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableAimsScope.class)
@JsonDeserialize(builder = AimsScope.Builder.class)
public abstract class AimsScope {
  AimsScope() {}

  /** Returns the name of the organisation whose AIMS this is. */
  @NotBlank
  public abstract String organisation();

  /**
   * Returns the boundaries and applicability of the AIMS in words: which units, sites, products and
   * activities it covers.
   */
  @NotBlank
  public abstract String boundaries();

  /** Returns the ids of the AI systems in scope, each matching {@link AiSystem#ID_PATTERN}. */
  public abstract List<@Pattern(regexp = AiSystem.ID_PATTERN) String> systemIds();

  /** Returns what the scope leaves out, each with the reason; may be empty. */
  public abstract List<@NotBlank String> exclusions();

  /** Returns the organisation's roles toward the AI systems in scope (Clause 4.1); at least one. */
  @NotEmpty
  public abstract Set<AiRole> roles();

  /** Returns the interested parties relevant to the AIMS (Clause 4.2). */
  public abstract List<@Valid InterestedParty> interestedParties();

  /** Returns the internal and external issues (Clause 4.1). */
  public abstract List<@Valid ContextIssue> issues();

  /** Returns whether the AI system with this id is in scope. */
  public boolean includes(String systemId) {
    return systemIds().contains(systemId);
  }

  /** Returns whether any issue or requirement concerns climate change (Clauses 4.1, 4.2). */
  @JsonIgnore
  public boolean isClimateChangeRelevant() {
    return issues().stream().anyMatch(ContextIssue::climateChangeRelevant)
        || interestedParties().stream()
            .flatMap(p -> p.requirements().stream())
            .anyMatch(PartyRequirement::climateChangeRelevant);
  }

  /** Returns the issues of one type, in order. */
  public List<ContextIssue> issuesOfType(IssueType type) {
    return issues().stream().filter(i -> i.type() == type).toList();
  }

  /** Returns the requirements of interested parties that the AIMS does not address, in order. */
  public List<PartyRequirement> unaddressedRequirements() {
    return interestedParties().stream()
        .flatMap(p -> p.requirements().stream())
        .filter(r -> !r.addressedByAims())
        .toList();
  }

  @Value.Check
  final void check() {
    Invariants.of("AimsScope", organisation())
        .constraints(this)
        .unique("systemIds", systemIds(), id -> id, "")
        .unique("interestedParties", interestedParties(), InterestedParty::name, "name")
        .check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AimsScope}; {@code build()} rejects repeated system ids and party names. */
  public static final class Builder extends ImmutableAimsScope.Builder {}
}
