package dev.aims.core.catalog;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import org.immutables.value.Value;

/**
 * One of the eleven AI-related organisational objectives of Annex C (C.2.1 to C.2.11), which an
 * organisation may adopt when setting AI objectives (Clause 6.2) and assessing risks.
 *
 * <p>Annex C is informative. The sub-numbers are this SDK's own numbering of the annex's items, in
 * their order; no public source confirms them (see {@link Catalog#annexCNumbering()}).
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableAnnexCObjective.class)
@JsonDeserialize(builder = AnnexCObjective.Builder.class)
public abstract class AnnexCObjective implements CatalogEntry {
  static final String ID_PATTERN = "C\\.2\\.(?:[1-9]|1[01])";

  AnnexCObjective() {}

  /** Returns the id, e.g. {@code C.2.5}. */
  @Override
  public abstract String id();

  /** Returns the title in the standard. */
  @Override
  public abstract String title();

  /** Returns what the item means for an AI system, in our own words. */
  public abstract String gist();

  @Value.Check
  final void check() {
    String owner = "Annex C objective " + id();
    Checks.entry(owner, id(), ID_PATTERN, title(), gist());
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link AnnexCObjective} values. */
  public static final class Builder extends ImmutableAnnexCObjective.Builder {}
}
