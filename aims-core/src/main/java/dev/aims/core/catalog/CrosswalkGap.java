package dev.aims.core.catalog;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import org.immutables.value.Value;

/**
 * Something one side of a crosswalk has and the other lacks, e.g. ISO/IEC 42001's AI system impact
 * assessment (6.1.4, 8.4), which ISO/IEC 27001 has no counterpart for.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableCrosswalkGap.class)
@JsonDeserialize(builder = CrosswalkGap.Builder.class)
public abstract class CrosswalkGap {
  CrosswalkGap() {}

  /** Returns which side the id belongs to. */
  public abstract CrosswalkSide side();

  /** Returns the clause, control or framework item that has no full counterpart. */
  public abstract String id();

  /** Returns what is missing on the other side, in our words. */
  public abstract String note();

  @Value.Check
  final void check() {
    String owner = "crosswalk gap " + id();
    Checks.text(owner, "id", id());
    Checks.text(owner, "note", note());
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link CrosswalkGap} values. */
  public static final class Builder extends ImmutableCrosswalkGap.Builder {}
}
