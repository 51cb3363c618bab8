package dev.aims.core.system;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import dev.aims.core.validation.Invariants;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One model an AI system uses, at a known version: part of the resource documentation of A.4.2 and
 * of the design documentation of A.6.2.3.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableModelVersion.class)
@JsonDeserialize(builder = ModelVersion.Builder.class)
public abstract class ModelVersion {
  ModelVersion() {}

  /** Returns the model's name, e.g. {@code credit-gbm}. */
  @NotBlank
  public abstract String name();

  /** Returns the version in use, e.g. {@code 2.3.1} or a content digest. */
  @NotBlank
  public abstract String version();

  /**
   * Returns the third party that supplies the model (A.10.3), or empty when the organisation builds
   * it itself. A present supplier must not be blank; {@code @NotBlank} cannot say that, as it would
   * also reject the empty optional.
   */
  public abstract Optional<@Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String>
      supplier();

  /** Returns a model built in-house. */
  public static ModelVersion of(String name, String version) {
    return builder().name(name).version(version).build();
  }

  @Value.Check
  final void check() {
    Invariants.of("ModelVersion", name() + " " + version()).constraints(this).check();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ModelVersion}; {@code build()} rejects missing attributes. */
  public static final class Builder extends ImmutableModelVersion.Builder {}
}
