package dev.aims.core.catalog;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.aims.core.AimsStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The crosswalk from ISO/IEC 42001 to one other framework: the framework's items, the links, and
 * the gaps on either side.
 *
 * <p>Every link's endpoints are checked when the catalogue loads: the source is a clause or control
 * of ISO/IEC 42001 and the target is one of {@link #targets()}.
 */
@Value.Immutable
@AimsStyle
@JsonSerialize(as = ImmutableCrosswalk.class)
@JsonDeserialize(builder = Crosswalk.Builder.class)
public abstract class Crosswalk {
  Crosswalk() {}

  /** Returns the framework on the other side. */
  public abstract Framework framework();

  /** Returns where the links come from (the published source, or how they were derived). */
  public abstract String provenance();

  /**
   * Returns remarks on the crosswalk as a whole, such as corrections of widely repeated but wrong
   * claims about the other framework; empty when there are none.
   */
  public abstract List<String> notes();

  /** Returns the framework's items that links may point at, in the framework's order. */
  public abstract List<FrameworkItem> targets();

  /** Returns the links in the order of the bundled data. */
  public abstract List<CrosswalkLink> links();

  /** Returns what either side has that the other lacks. */
  public abstract List<CrosswalkGap> gaps();

  /** Returns the framework item with this id (case ignored). */
  public Optional<FrameworkItem> target(String id) {
    String key = id.toUpperCase(Locale.ROOT);
    return targets().stream().filter(t -> t.id().toUpperCase(Locale.ROOT).equals(key)).findFirst();
  }

  /** Returns the links from this ISO/IEC 42001 clause or control (case ignored). */
  public List<CrosswalkLink> linksFrom(String source) {
    return links().stream().filter(l -> l.source().equalsIgnoreCase(source)).toList();
  }

  /** Returns the links to this framework item (case ignored). */
  public List<CrosswalkLink> linksTo(String target) {
    return links().stream().filter(l -> l.target().equalsIgnoreCase(target)).toList();
  }

  @Value.Check
  final void check() {
    String owner = "crosswalk " + framework().key();
    Checks.text(owner, "provenance", provenance());
    for (int i = 0; i < notes().size(); i++) {
      Checks.text(owner, "notes[" + i + "]", notes().get(i));
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Crosswalk} values. */
  public static final class Builder extends ImmutableCrosswalk.Builder {}
}
