package dev.aims.core.catalog;

import java.util.List;

/** Thrown when an id is not in the ISO/IEC 42001:2023 catalogue; names the nearest real ids. */
public class UnknownIdException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String id;
  private final List<String> suggestions;

  /**
   * Creates the exception.
   *
   * @param kind what was looked up, e.g. {@code control}
   * @param id the id as given
   * @param suggestions the nearest real ids, best first
   */
  public UnknownIdException(String kind, String id, List<String> suggestions) {
    super(
        "unknown "
            + kind
            + " id '"
            + id
            + "': not in ISO/IEC 42001:2023"
            + (suggestions.isEmpty() ? "" : "; nearest: " + String.join(", ", suggestions)));
    this.id = id;
    this.suggestions = List.copyOf(suggestions);
  }

  /** Returns the id as given. */
  public String id() {
    return id;
  }

  /** Returns the nearest real ids, best first. */
  public List<String> suggestions() {
    return suggestions;
  }
}
