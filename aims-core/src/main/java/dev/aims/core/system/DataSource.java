package dev.aims.core.system;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.validation.Invariants;
import jakarta.validation.constraints.NotBlank;
import org.immutables.value.Value;

/**
 * One data resource of an AI system (A.4.3): what it is used for, where it comes from (A.7.5
 * provenance) and whether it holds personal data.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableDataSource.class)
@JsonDeserialize(builder = DataSource.Builder.class)
public abstract class DataSource {
  DataSource() {}

  /** Returns the data source's name, unique within its AI system. */
  @NotBlank
  public abstract String name();

  /** Returns what the data is used for. */
  public abstract DataSourceKind kind();

  /** Returns where the data comes from and how it was obtained (A.7.3, A.7.5). */
  @NotBlank
  public abstract String provenance();

  /** Returns whether the data holds personal data, which brings privacy obligations. */
  public abstract boolean containsPersonalData();

  @Value.Check
  final void check() {
    Invariants.of("DataSource", name()).constraints(this).check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DataSource}; {@code build()} rejects missing attributes. */
  public static final class Builder extends ImmutableDataSource.Builder {}
}
