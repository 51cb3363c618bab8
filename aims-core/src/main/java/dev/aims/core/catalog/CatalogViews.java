package dev.aims.core.catalog;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Views of the catalogue that gather what a reader needs about one entry (a control with its area,
 * objective and crosswalk links; a clause with its sub-clauses and supporting controls) or about
 * one part (the whole list, Annex C). Each view is an immutable record that Jackson serialises with
 * its properties in the order declared, as the {@code aims catalog --json} output does.
 */
public final class CatalogViews {
  /** The standard the catalogue describes. */
  public static final String STANDARD = "ISO/IEC 42001:2023";

  private CatalogViews() {}

  /**
   * One Annex A control with its area, control objective and crosswalk links.
   *
   * @param control the control
   * @param area the Annex A area the control is in
   * @param objective the control objective the control serves
   * @param crosswalks the control's crosswalk links by framework key ({@link Framework#key()}), in
   *     the order of {@link Framework}; frameworks without links are left out
   */
  @JsonPropertyOrder({"control", "area", "objective", "crosswalks"})
  public record ControlView(
      Control control,
      AnnexAArea area,
      ControlObjective objective,
      Map<String, List<CrosswalkLink>> crosswalks) {
    /** Copies the links so the view cannot change. */
    public ControlView {
      crosswalks = Collections.unmodifiableMap(new LinkedHashMap<>(crosswalks));
    }

    /** Returns the view of {@code control} in {@code catalog}. */
    public static ControlView of(Catalog catalog, Control control) {
      return new ControlView(
          control,
          catalog.area(control.areaId()),
          catalog.controlObjective(control.objectiveId()),
          linksByKey(catalog, control.id()));
    }
  }

  /**
   * One clause with the ids of its sub-clauses and of the Annex A controls that support it, and its
   * crosswalk links.
   *
   * @param clause the clause
   * @param children the ids of its direct sub-clauses, in the standard's order
   * @param supportingControls the ids of the Annex A controls that support it
   * @param crosswalks the clause's crosswalk links by framework key, in the order of {@link
   *     Framework}; frameworks without links are left out
   */
  @JsonPropertyOrder({"clause", "children", "supportingControls", "crosswalks"})
  public record ClauseView(
      Clause clause,
      List<String> children,
      List<String> supportingControls,
      Map<String, List<CrosswalkLink>> crosswalks) {
    /** Copies the lists and links so the view cannot change. */
    public ClauseView {
      children = List.copyOf(children);
      supportingControls = List.copyOf(supportingControls);
      crosswalks = Collections.unmodifiableMap(new LinkedHashMap<>(crosswalks));
    }

    /** Returns the view of {@code clause} in {@code catalog}. */
    public static ClauseView of(Catalog catalog, Clause clause) {
      return new ClauseView(
          clause,
          catalog.children(clause.id()).stream().map(Clause::id).toList(),
          catalog.controlsSupporting(clause.id()).stream().map(Control::id).toList(),
          linksByKey(catalog, clause.id()));
    }
  }

  /**
   * The whole catalogue of requirements: Clauses 4 to 10 and Annex A.
   *
   * @param standard always {@link #STANDARD}
   * @param clauses every clause and sub-clause, in the standard's order
   * @param areas the Annex A areas
   * @param controlObjectives the Annex A control objectives
   * @param controls the Annex A controls
   */
  @JsonPropertyOrder({"standard", "clauses", "areas", "controlObjectives", "controls"})
  public record Listing(
      String standard,
      List<Clause> clauses,
      List<AnnexAArea> areas,
      List<ControlObjective> controlObjectives,
      List<Control> controls) {
    /** Copies the lists so the view cannot change. */
    public Listing {
      clauses = List.copyOf(clauses);
      areas = List.copyOf(areas);
      controlObjectives = List.copyOf(controlObjectives);
      controls = List.copyOf(controls);
    }

    /** Returns the listing of {@code catalog}. */
    public static Listing of(Catalog catalog) {
      return new Listing(
          STANDARD,
          catalog.clauses(),
          catalog.areas(),
          catalog.controlObjectives(),
          catalog.controls());
    }
  }

  /**
   * Annex C (informative): the AI-related organisational objectives and risk sources, with a note
   * on how this SDK numbers them.
   *
   * @param numbering how the items are numbered ({@link Catalog#annexCNumbering()})
   * @param objectives the organisational objectives
   * @param riskSources the risk sources
   */
  @JsonPropertyOrder({"numbering", "objectives", "riskSources"})
  public record AnnexC(
      String numbering, List<AnnexCObjective> objectives, List<RiskSource> riskSources) {
    /** Copies the lists so the view cannot change. */
    public AnnexC {
      objectives = List.copyOf(objectives);
      riskSources = List.copyOf(riskSources);
    }

    /** Returns Annex C of {@code catalog}. */
    public static AnnexC of(Catalog catalog) {
      return new AnnexC(
          catalog.annexCNumbering(), catalog.annexCObjectives(), catalog.riskSources());
    }
  }

  private static Map<String, List<CrosswalkLink>> linksByKey(Catalog catalog, String id) {
    Map<String, List<CrosswalkLink>> out = new LinkedHashMap<>();
    catalog.crosswalkLinks(id).forEach((f, links) -> out.put(f.key(), List.copyOf(links)));
    return out;
  }
}
