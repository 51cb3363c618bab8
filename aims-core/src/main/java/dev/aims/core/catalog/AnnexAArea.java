package dev.aims.core.catalog;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import org.immutables.value.Value;

/**
 * One of the nine Annex A topic areas, {@code A.2} to {@code A.10}. Its objectives are listed by
 * {@link Catalog#objectivesIn(String)} and its controls by {@link Catalog#controlsIn(String)}.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableAnnexAArea.class)
@JsonDeserialize(builder = AnnexAArea.Builder.class)
public abstract class AnnexAArea implements CatalogEntry {
  static final String ID_PATTERN = "A\\.(?:[2-9]|10)";

  AnnexAArea() {}

  /** Returns the area id, e.g. {@code A.6}. */
  @Override
  public abstract String id();

  /** Returns the exact title in the standard. */
  @Override
  public abstract String title();

  /** Returns what the area is about, in our own words. */
  public abstract String gist();

  @Value.Check
  final void check() {
    String owner = "Annex A area " + id();
    Checks.entry(owner, id(), ID_PATTERN, title(), gist());
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link AnnexAArea} values. */
  public static final class Builder extends ImmutableAnnexAArea.Builder {}
}
