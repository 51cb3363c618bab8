package dev.aims.assessment.impact;

import dev.aims.core.impact.ImpactLevel;
import java.util.List;
import java.util.Objects;

/**
 * What an impact classification asks of the organisation, citing the Annex A controls that serve it
 * (Clause 6.1.4: the assessment feeds risk treatment and the choice of controls).
 *
 * @param id the implication's stable id, e.g. {@code AISIA-C6}
 * @param level the lowest classification that brings it
 * @param title a short name, e.g. {@code Human review mandatory}
 * @param description what to do, in words
 * @param controls the Annex A controls that serve it, e.g. {@code A.9.2}
 */
public record ControlImplication(
    String id, ImpactLevel level, String title, String description, List<String> controls) {
  /** Creates an implication; every component is required. */
  public ControlImplication {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    controls = List.copyOf(controls);
  }
}
