package dev.aims.core.catalog;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One link of a crosswalk: an ISO/IEC 42001 clause or control, the framework item it relates to,
 * who states the link ({@link #basis()}) and how far it goes ({@link #relation()}).
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableCrosswalkLink.class)
@JsonDeserialize(builder = CrosswalkLink.Builder.class)
public abstract class CrosswalkLink {
  CrosswalkLink() {}

  /** Returns the ISO/IEC 42001 clause or control id, e.g. {@code A.6.2.8}. */
  public abstract String source();

  /** Returns the id of the framework item, e.g. {@code MEASURE 2.4}. */
  public abstract String target();

  /** Returns who states the link. */
  public abstract LinkBasis basis();

  /** Returns how far the ISO/IEC 42001 side covers the target. */
  public abstract LinkRelation relation();

  /** Returns a remark on the link, e.g. how an error in the published source was read. */
  public abstract Optional<String> note();

  @Value.Check
  final void check() {
    String owner = "crosswalk link " + source() + " -> " + target();
    Checks.text(owner, "source", source());
    Checks.text(owner, "target", target());
    note().ifPresent(n -> Checks.text(owner, "note", n));
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link CrosswalkLink} values. */
  public static final class Builder extends ImmutableCrosswalkLink.Builder {}
}
