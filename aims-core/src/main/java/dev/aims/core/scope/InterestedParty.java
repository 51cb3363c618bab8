package dev.aims.core.scope;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.validation.Invariants;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.immutables.value.Value;

/** A party relevant to the AIMS and its requirements (Clause 4.2). */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableInterestedParty.class)
@JsonDeserialize(builder = InterestedParty.Builder.class)
public abstract class InterestedParty {
  InterestedParty() {}

  /**
   * Returns the party's name, unique within the scope, e.g. {@code national banking supervisor}.
   */
  @NotBlank
  public abstract String name();

  /** Returns what kind of party it is. */
  public abstract InterestedPartyKind kind();

  /** Returns the party's requirements that are relevant to the AIMS; may be empty. */
  public abstract List<@Valid PartyRequirement> requirements();

  @Value.Check
  final void check() {
    Invariants.of("InterestedParty", name()).constraints(this).check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link InterestedParty}; {@code build()} rejects missing attributes. */
  public static final class Builder extends ImmutableInterestedParty.Builder {}
}
