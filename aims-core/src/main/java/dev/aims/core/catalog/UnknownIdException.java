package dev.aims.core.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Thrown when an id is not in the ISO/IEC 42001:2023 catalogue, or names an entry of another kind
 * than the one asked for (a control objective asked for as a control, a Clause 3 term asked for as
 * a clause).
 *
 * <p>{@link #suggestions()} holds what to ask for instead: the nearest real ids for an unknown id;
 * for an entry of another kind ({@link #knownAs()} present), the ids that entry leads to, e.g. the
 * controls of a control objective.
 */
public class UnknownIdException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String id;
  private final List<String> suggestions;
  private final String knownAs;

  /**
   * Creates the exception for an id that is not in the standard.
   *
   * @param kind what was looked up, e.g. {@code control}
   * @param id the id as given
   * @param suggestions the nearest real ids, best first
   */
  public UnknownIdException(String kind, String id, List<String> suggestions) {
    this(
        "unknown "
            + kind
            + " id '"
            + id
            + "': not in ISO/IEC 42001:2023"
            + (suggestions.isEmpty() ? "" : "; nearest: " + String.join(", ", suggestions)),
        id,
        suggestions,
        null);
  }

  private UnknownIdException(String message, String id, List<String> suggestions, String knownAs) {
    super(message);
    this.id = id;
    this.suggestions = List.copyOf(suggestions);
    this.knownAs = knownAs;
  }

  /**
   * Creates the exception for a crosswalk key that names no bundled crosswalk.
   *
   * @param key the key as given
   * @param knownKeys the keys of the bundled crosswalks, in their order
   * @param nearest the same keys, nearest to {@code key} first
   */
  static UnknownIdException unknownCrosswalk(
      String key, List<String> knownKeys, List<String> nearest) {
    return new UnknownIdException(
        "unknown crosswalk '" + key + "'; the known crosswalks are " + String.join(", ", knownKeys),
        key,
        nearest,
        null);
  }

  /**
   * Creates the exception for an id that names an entry of another kind than was asked for.
   *
   * @param id the id as given
   * @param knownAs what the id is, e.g. {@code control objective}
   * @param message the whole message: what the id is and what to ask for instead
   * @param instead the ids to ask for instead, best first
   */
  static UnknownIdException otherKind(
      String id, String knownAs, String message, List<String> instead) {
    return new UnknownIdException(message, id, instead, knownAs);
  }

  /** Returns the id as given. */
  public String id() {
    return id;
  }

  /**
   * Returns what to ask for instead: the nearest real ids, or the ids an entry of another kind
   * leads to; best first.
   */
  public List<String> suggestions() {
    return suggestions;
  }

  /**
   * Returns what the id names when it is in the catalogue as another kind of entry, e.g. {@code
   * control objective}, {@code Annex A control} or {@code Clause 3 term}; empty when the id is not
   * in the catalogue at all.
   */
  public Optional<String> knownAs() {
    return Optional.ofNullable(knownAs);
  }
}
