package dev.aims.core.catalog;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One item of a framework that ISO/IEC 42001 is crosswalked to: a NIST AI RMF subcategory ({@code
 * GOVERN 1.1}), an ISO clause or Annex A control ({@code 6.1.2}, {@code A.5.9}), or an EU AI Act
 * article ({@code Art. 12}).
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableFrameworkItem.class)
@JsonDeserialize(builder = FrameworkItem.Builder.class)
public abstract class FrameworkItem {
  FrameworkItem() {}

  /** Returns the item's id as the framework prints it. */
  public abstract String id();

  /** Returns the item's title, where the framework gives one. */
  public abstract Optional<String> title();

  /** Returns a short summary in our own words, where the item has no short title. */
  public abstract Optional<String> gist();

  /** Returns the title, else the gist, else the empty string: a label for tables. */
  public String label() {
    return title().or(this::gist).orElse("");
  }

  @Value.Check
  final void check() {
    String owner = "framework item " + id();
    Checks.text(owner, "id", id());
    title().ifPresent(t -> Checks.text(owner, "title", t));
    gist().ifPresent(g -> Checks.text(owner, "gist", g));
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link FrameworkItem} values. */
  public static final class Builder extends ImmutableFrameworkItem.Builder {}
}
