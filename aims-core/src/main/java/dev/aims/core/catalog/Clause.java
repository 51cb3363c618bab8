package dev.aims.core.catalog;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One clause of ISO/IEC 42001:2023 Clauses 4 to 10: a top-level clause (e.g. {@code 6}), a heading
 * that only groups sub-clauses (6.1, 7.5, 9.2, 9.3), or one of the 32 leaf requirement clauses
 * (e.g. {@code 6.1.4}).
 *
 * <p>Navigate the tree through {@link Catalog#children(String)} and {@link #parentId()}; the
 * planning clauses 6.1.2, 6.1.3 and 6.1.4 are paired with the operational clauses 8.2, 8.3 and 8.4
 * through {@link #pairedWith()}.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableClause.class)
@JsonDeserialize(builder = Clause.Builder.class)
public abstract class Clause implements CatalogEntry {
  /** Clause ids: {@code 4} to {@code 10} with up to two further numeric levels. */
  static final String ID_PATTERN = "(?:[4-9]|10)(?:\\.[1-9]){0,2}";

  Clause() {}

  /** Returns the clause number, e.g. {@code 6.1.4}. */
  @Override
  public abstract String id();

  /** Returns the exact title in the standard. */
  @Override
  public abstract String title();

  /** Returns a one-line summary of what the clause asks for, in our own words. */
  public abstract String gist();

  /** Returns the enclosing clause, empty for the seven top-level clauses 4 to 10. */
  public abstract Optional<String> parentId();

  /**
   * Returns whether the clause only groups sub-clauses: true for the seven top-level clauses and
   * for 6.1, 7.5, 9.2 and 9.3; false for the 32 leaf requirement clauses.
   */
  public abstract boolean heading();

  /** Returns the documented information the clause requires (Clause 7.5). */
  public abstract DocumentedInformation documentedInformation();

  /**
   * Returns the paired clause: the operational clause for a planning one (6.1.2 to 8.2, 6.1.3 to
   * 8.3, 6.1.4 to 8.4) and the planning clause for an operational one; empty otherwise.
   */
  public abstract Optional<String> pairedWith();

  /** Returns the depth in the tree: 1 for {@code 6}, 2 for {@code 6.1}, 3 for {@code 6.1.4}. */
  public int level() {
    return id().split("\\.", -1).length;
  }

  @Value.Check
  final void check() {
    String owner = "clause " + id();
    Checks.id(owner, id(), ID_PATTERN);
    Checks.text(owner, "title", title());
    Checks.text(owner, "gist", gist());
    if (parentId().isPresent() == (level() == 1)) {
      throw new IllegalArgumentException(
          owner + ": parentId must be present exactly below the top level, but was " + parentId());
    }
    parentId()
        .filter(p -> !id().startsWith(p + ".") || p.split("\\.").length != level() - 1)
        .ifPresent(
            p -> {
              throw new IllegalArgumentException(
                  owner + ": parentId '" + p + "' is not the enclosing clause number");
            });
    if (heading() && documentedInformation().required()) {
      throw new IllegalArgumentException(
          owner + ": a heading cannot require documented information of its own");
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Clause} values. */
  public static final class Builder extends ImmutableClause.Builder {}
}
