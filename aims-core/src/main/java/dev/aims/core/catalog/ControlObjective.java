package dev.aims.core.catalog;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import org.immutables.value.Value;

/**
 * One of the ten Annex A control objectives. Area A.6 has two ({@code A.6.1} and {@code A.6.2});
 * every other area has one, which carries the area's own id (e.g. {@code A.2}).
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableControlObjective.class)
@JsonDeserialize(builder = ControlObjective.Builder.class)
public abstract class ControlObjective implements CatalogEntry {
  static final String ID_PATTERN = "A\\.(?:[2-9]|10)(?:\\.[12])?";

  ControlObjective() {}

  /** Returns the objective id, e.g. {@code A.6.1} or {@code A.7}. */
  @Override
  public abstract String id();

  /** Returns the area this objective belongs to, e.g. {@code A.6}. */
  public abstract String areaId();

  /** Returns the title in the standard (the area title where the area has one objective). */
  @Override
  public abstract String title();

  /** Returns what the objective aims at, in our own words. */
  public abstract String gist();

  @Value.Check
  final void check() {
    String owner = "control objective " + id();
    Checks.entry(owner, id(), ID_PATTERN, title(), gist());
    if (!id().equals(areaId()) && !id().startsWith(areaId() + ".")) {
      throw new IllegalArgumentException(
          owner + ": areaId '" + areaId() + "' does not enclose the objective id");
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ControlObjective} values. */
  public static final class Builder extends ImmutableControlObjective.Builder {}
}
