package dev.aims.core.system;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.validation.Invariants;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One entry of the AI system register: what the system is for, the organisation's roles toward it
 * (Clause 4.1), its life-cycle stage and status, and the resources it is made of (A.4.2 models,
 * A.4.3 data, A.10.3 suppliers).
 *
 * <p>Build one with {@link #builder()}; {@code build()} rejects missing attributes and
 * contradictions between fields (see {@link SystemStatus#admits(LifecycleStage)}), and the
 * field-level constraints declared on the accessors (id pattern, blank text, no roles), all at once
 * in one {@link dev.aims.core.validation.InvalidRecordException}. Immutable and thread-safe.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableAiSystem.class)
@JsonDeserialize(builder = AiSystem.Builder.class)
public abstract class AiSystem {
  /**
   * The pattern of AI system ids: a lower-case slug of 1 to 64 characters, so that ids are safe in
   * file names, URLs and evidence log entries.
   */
  public static final String ID_PATTERN = "[a-z0-9][a-z0-9._-]{0,63}";

  AiSystem() {}

  /** Returns the system's id, matching {@link #ID_PATTERN}, e.g. {@code credit-scoring}. */
  @Pattern(regexp = ID_PATTERN)
  public abstract String id();

  /** Returns the system's name for people. */
  @NotBlank
  public abstract String name();

  /** Returns what the system is meant to be used for (Clause 4.1, A.9.4). */
  @NotBlank
  public abstract String intendedPurpose();

  /** Returns the organisation's roles toward the system (Clause 4.1); at least one. */
  @NotEmpty
  public abstract Set<AiRole> roles();

  /** Returns the system's current life-cycle stage (A.6.2). */
  public abstract LifecycleStage lifecycleStage();

  /** Returns what the system produces. */
  public abstract OutputType outputType();

  /** Returns the area of life the system's outputs bear on. */
  public abstract ImpactDomain impactDomain();

  /** Returns the people the system's outputs reach (A.5.4). */
  @Valid
  public abstract AffectedPopulation affectedPopulation();

  /** Returns how people oversee the system's outputs. */
  public abstract HumanOversightMode humanOversight();

  /** Returns the models the system uses, each at a version (A.4.2, A.6.2.3); may be empty. */
  public abstract List<@Valid ModelVersion> models();

  /** Returns the system's data resources (A.4.3); may be empty. */
  public abstract List<@Valid DataSource> dataSources();

  /** Returns the names or ids of the third parties that supply the system (A.10.3). */
  public abstract Set<@NotBlank String> suppliers();

  /** Returns who is accountable for the system (A.3.2), a person or a role. */
  @NotBlank
  public abstract String owner();

  /** Returns where the system stands in the register. */
  public abstract SystemStatus status();

  /**
   * Returns whether the organisation provides the system to others ({@link AiRole#AI_PROVIDER}).
   */
  @JsonIgnore
  public boolean isProvider() {
    return roles().contains(AiRole.AI_PROVIDER);
  }

  /** Returns whether the organisation is an AI user / customer of the system. */
  @JsonIgnore
  public boolean isUser() {
    return roles().contains(AiRole.AI_CUSTOMER);
  }

  /**
   * Returns what the register entry lacks for A.4.2 resource documentation and the controls it
   * feeds, in the order of {@link RegisterGap}; empty when the entry is complete.
   */
  public List<RegisterGap> registerGaps() {
    List<RegisterGap> gaps = new ArrayList<>();
    if (models().isEmpty()) {
      gaps.add(RegisterGap.NO_MODELS);
    }
    if (dataSources().isEmpty()) {
      gaps.add(RegisterGap.NO_DATA_SOURCES);
    }
    if (isUser() && suppliers().isEmpty()) {
      gaps.add(RegisterGap.NO_SUPPLIERS);
    }
    if (models().stream()
        .anyMatch(m -> m.supplier().isPresent() && !suppliers().contains(m.supplier().get()))) {
      gaps.add(RegisterGap.MODEL_SUPPLIER_NOT_LISTED);
    }
    return List.copyOf(gaps);
  }

  /** Returns whether {@link #registerGaps()} is empty. */
  @JsonIgnore
  public boolean isRegisterComplete() {
    return registerGaps().isEmpty();
  }

  @Value.Check
  final void check() {
    Invariants.of("AiSystem", id())
        .constraints(this)
        .require(
            status().admits(lifecycleStage()),
            "lifecycleStage",
            "StageMatchesStatus",
            lifecycleStage(),
            "does not go with status " + status() + " (allowed: " + status().stages() + ")")
        .unique("models", models(), m -> m.name() + " " + m.version(), "")
        .unique("dataSources", dataSources(), DataSource::name, "name")
        .check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AiSystem}; {@code build()} rejects missing attributes and contradictions. */
  public static final class Builder extends ImmutableAiSystem.Builder {}
}
