package dev.aims.core.catalog;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import org.immutables.value.Value;

/**
 * One of the seven sources of AI risk of Annex C (C.3.1 to C.3.7), to consider when identifying AI
 * risks (Clause 6.1.2).
 *
 * <p>Annex C is informative. The sub-numbers are this SDK's own numbering of the annex's items, in
 * their order; no public source confirms them (see {@link Catalog#annexCNumbering()}).
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableRiskSource.class)
@JsonDeserialize(builder = RiskSource.Builder.class)
public abstract class RiskSource implements CatalogEntry {
  static final String ID_PATTERN = "C\\.3\\.[1-7]";

  RiskSource() {}

  /** Returns the id, e.g. {@code C.3.4}. */
  @Override
  public abstract String id();

  /** Returns the title in the standard. */
  @Override
  public abstract String title();

  /** Returns what the item means for an AI system, in our own words. */
  public abstract String gist();

  @Value.Check
  final void check() {
    String owner = "risk source " + id();
    Checks.entry(owner, id(), ID_PATTERN, title(), gist());
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RiskSource} values. */
  public static final class Builder extends ImmutableRiskSource.Builder {}
}
