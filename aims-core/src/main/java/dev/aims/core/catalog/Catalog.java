package dev.aims.core.catalog;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ISO/IEC 42001:2023 catalogue: Clauses 4 to 10 as a tree, the Annex A areas, control
 * objectives and 38 controls with our guidance, the Annex C objectives and risk sources, key terms
 * explained in our own words, and crosswalks to NIST AI RMF, ISO/IEC 27001, ISO 9001, ISO 14001,
 * the EU AI Act, ISO 31000, ISO/IEC 23894 and ISO/IEC 27701.
 *
 * <p>Obtain it with {@link #standard()}: the bundled data is read and checked once, on first use,
 * and the result is immutable and safe to share between threads. Lookups by id are exact but ignore
 * case ({@code a.6.2.8} finds {@code A.6.2.8}); the throwing lookups ({@link #control(String)},
 * {@link #clause(String)}, ...) reject ids that are not in the standard with an {@link
 * UnknownIdException} that names the nearest real ids. All lists are unmodifiable and in the
 * standard's order.
 */
public final class Catalog {
  private final EntryIndex<Clause> clauses;
  private final EntryIndex<AnnexAArea> areas;
  private final EntryIndex<ControlObjective> objectives;
  private final EntryIndex<Control> controls;
  private final EntryIndex<AnnexCObjective> annexCObjectives;
  private final EntryIndex<RiskSource> riskSources;
  private final String annexCNumbering;
  private final List<Term> terms;
  private final Map<Framework, Crosswalk> crosswalks;

  Catalog(
      List<Clause> clauses,
      List<AnnexAArea> areas,
      List<ControlObjective> objectives,
      List<Control> controls,
      List<AnnexCObjective> annexCObjectives,
      List<RiskSource> riskSources,
      String annexCNumbering,
      List<Term> terms,
      List<Crosswalk> crosswalks) {
    this.clauses = new EntryIndex<>("clause", clauses, Clause::id);
    this.areas = new EntryIndex<>("Annex A area", areas, AnnexAArea::id);
    this.objectives = new EntryIndex<>("control objective", objectives, ControlObjective::id);
    this.controls = new EntryIndex<>("control", controls, Control::id);
    this.annexCObjectives =
        new EntryIndex<>("Annex C objective", annexCObjectives, AnnexCObjective::id);
    this.riskSources = new EntryIndex<>("risk source", riskSources, RiskSource::id);
    this.annexCNumbering = annexCNumbering;
    this.terms = List.copyOf(terms);
    Map<Framework, Crosswalk> byFramework = new EnumMap<>(Framework.class);
    for (Crosswalk c : crosswalks) {
      if (byFramework.put(c.framework(), c) != null) {
        throw new CatalogLoadException("two crosswalks for " + c.framework().key());
      }
    }
    this.crosswalks = Collections.unmodifiableMap(byFramework);
  }

  /** Holds the bundled catalogue; the JVM initialises it once, on first use, thread-safely. */
  private static final class Holder {
    static final Catalog STANDARD = CatalogLoader.loadStandard();
  }

  /**
   * Returns the catalogue of ISO/IEC 42001:2023 from the bundled data.
   *
   * @throws CatalogLoadException if the bundled data is missing or inconsistent (a build defect)
   */
  public static Catalog standard() {
    return Holder.STANDARD;
  }

  // ---- Clauses 4 to 10 ----

  /** Returns every clause in tree order: 7 top-level clauses and 36 numbered sub-clauses. */
  public List<Clause> clauses() {
    return clauses.all();
  }

  /** Returns the seven top-level clauses, 4 to 10. */
  public List<Clause> topLevelClauses() {
    return clauses.all().stream().filter(c -> c.parentId().isEmpty()).toList();
  }

  /** Returns the 32 leaf requirement clauses (every clause that is not a heading). */
  public List<Clause> leafClauses() {
    return clauses.all().stream().filter(c -> !c.heading()).toList();
  }

  /** Returns the clause with this id (case ignored), if the standard has one. */
  public Optional<Clause> findClause(String id) {
    return clauses.find(id);
  }

  /** Returns whether {@code id} names a clause of Clauses 4 to 10 (case ignored). */
  public boolean isClause(String id) {
    return clauses.contains(id);
  }

  /**
   * Returns the clause with this id (case ignored).
   *
   * @throws UnknownIdException naming the nearest real ids when the standard has no such clause;
   *     when the id names something else (a Clause 3 term, a control), saying what it is and what
   *     to ask for instead
   */
  public Clause clause(String id) {
    return clauses
        .find(id)
        .orElseThrow(() -> otherKind(id, "a clause").orElseGet(() -> clauses.unknown(id)));
  }

  /**
   * Returns the direct sub-clauses of a clause, in order; empty for a leaf clause.
   *
   * @throws UnknownIdException when the standard has no such clause
   */
  public List<Clause> children(String clauseId) {
    String id = clause(clauseId).id();
    return clauses.all().stream().filter(c -> c.parentId().equals(Optional.of(id))).toList();
  }

  /**
   * Returns the clause paired with this one: 8.2 for 6.1.2 and back, 8.3 for 6.1.3, 8.4 for 6.1.4;
   * empty for any other clause.
   *
   * @throws UnknownIdException when the standard has no such clause
   */
  public Optional<Clause> pairedClause(String clauseId) {
    return clause(clauseId).pairedWith().map(this::clause);
  }

  // ---- Annex A ----

  /** Returns the title of the control or clause {@code id}; empty when it is neither. */
  public Optional<String> title(String id) {
    return findControl(id).map(Control::title).or(() -> findClause(id).map(Clause::title));
  }

  /** Returns the nine Annex A areas, A.2 to A.10. */
  public List<AnnexAArea> areas() {
    return areas.all();
  }

  /**
   * Returns the Annex A area with this id (case ignored), e.g. {@code A.6}.
   *
   * @throws UnknownIdException naming the nearest real ids when there is no such area
   */
  public AnnexAArea area(String id) {
    return areas.get(id);
  }

  /** Returns the ten control objectives in order (A.6 contributes A.6.1 and A.6.2). */
  public List<ControlObjective> controlObjectives() {
    return objectives.all();
  }

  /**
   * Returns the control objective with this id (case ignored), e.g. {@code A.6.1} or {@code A.7}.
   *
   * @throws UnknownIdException naming the nearest real ids when there is no such objective
   */
  public ControlObjective controlObjective(String id) {
    return objectives.get(id);
  }

  /**
   * Returns the control objectives of an area.
   *
   * @throws UnknownIdException when there is no such area
   */
  public List<ControlObjective> objectivesIn(String areaId) {
    String id = area(areaId).id();
    return objectives.all().stream().filter(o -> o.areaId().equals(id)).toList();
  }

  /** Returns the 38 Annex A controls in the standard's order. */
  public List<Control> controls() {
    return controls.all();
  }

  /** Returns the control with this id (case ignored), if the standard has one. */
  public Optional<Control> findControl(String id) {
    return controls.find(id);
  }

  /** Returns whether {@code id} names an Annex A control (case ignored). */
  public boolean isControl(String id) {
    return controls.contains(id);
  }

  /**
   * Returns the control with this id (case ignored).
   *
   * @throws UnknownIdException naming the nearest real ids when the standard has no such control;
   *     when the id names something else (a control objective, an area, a clause), saying what it
   *     is and what to ask for instead
   */
  public Control control(String id) {
    return controls
        .find(id)
        .orElseThrow(() -> otherKind(id, "a control").orElseGet(() -> controls.unknown(id)));
  }

  /**
   * Returns the controls of an Annex A area ({@code A.6}) or control objective ({@code A.6.2}).
   *
   * @throws UnknownIdException when {@code id} is neither
   */
  public List<Control> controlsIn(String areaOrObjectiveId) {
    Optional<AnnexAArea> area = areas.find(areaOrObjectiveId);
    if (area.isPresent()) {
      String id = area.get().id();
      return controls.all().stream().filter(c -> c.areaId().equals(id)).toList();
    }
    String id = controlObjective(areaOrObjectiveId).id();
    return controls.all().stream().filter(c -> c.objectiveId().equals(id)).toList();
  }

  /**
   * Returns the controls that help to meet a clause (see {@link Control#supportsClauses()}).
   *
   * @throws UnknownIdException when the standard has no such clause
   */
  public List<Control> controlsSupporting(String clauseId) {
    String id = clause(clauseId).id();
    return controls.all().stream().filter(c -> c.supportsClauses().contains(id)).toList();
  }

  // ---- Annex C ----

  /**
   * Returns where the Annex C sub-numbers (C.2.1 to C.2.11, C.3.1 to C.3.7) come from: they are
   * this SDK's own numbering of the annex's items, in the annex's order, which no public source
   * confirms; show this note wherever the numbers are shown.
   */
  public String annexCNumbering() {
    return annexCNumbering;
  }

  /** Returns the eleven Annex C objectives, C.2.1 to C.2.11 (see {@link #annexCNumbering()}). */
  public List<AnnexCObjective> annexCObjectives() {
    return annexCObjectives.all();
  }

  /** Returns whether {@code id} names an Annex C objective (case ignored). */
  public boolean isAnnexCObjective(String id) {
    return annexCObjectives.contains(id);
  }

  /**
   * Returns the Annex C objective with this id (case ignored), e.g. {@code C.2.5}.
   *
   * @throws UnknownIdException naming the nearest real ids when there is no such objective
   */
  public AnnexCObjective annexCObjective(String id) {
    return annexCObjectives.get(id);
  }

  /** Returns the seven Annex C risk sources, C.3.1 to C.3.7. */
  public List<RiskSource> riskSources() {
    return riskSources.all();
  }

  /** Returns the risk source with this id (case ignored), if Annex C has one. */
  public Optional<RiskSource> findRiskSource(String id) {
    return riskSources.find(id);
  }

  /** Returns whether {@code id} names an Annex C risk source (case ignored). */
  public boolean isRiskSource(String id) {
    return riskSources.contains(id);
  }

  /**
   * Returns the risk source with this id (case ignored), e.g. {@code C.3.4}.
   *
   * @throws UnknownIdException naming the nearest real ids when there is no such risk source
   */
  public RiskSource riskSource(String id) {
    return riskSources.get(id);
  }

  // ---- Terms ----

  /**
   * Returns the key terms, explained in our own words: first the 26 terms of Clause 3 in their
   * order, then other terms that matter for an AI management system.
   */
  public List<Term> terms() {
    return terms;
  }

  /** Returns the term with this name or alias (case ignored), e.g. {@code AISIA}. */
  public Optional<Term> findTerm(String nameOrAlias) {
    return terms.stream()
        .filter(t -> t.names().stream().anyMatch(n -> n.equalsIgnoreCase(nameOrAlias.trim())))
        .findFirst();
  }

  /** Returns the term that Clause 3 numbers {@code id}, e.g. {@code 3.24}, if there is one. */
  public Optional<Term> findClause3Term(String id) {
    return terms.stream().filter(t -> t.clause3Id().equals(Optional.of(id.trim()))).findFirst();
  }

  // ---- Ids of another kind than asked for ----

  private static final List<String> REQUIREMENT_FREE_CLAUSES =
      List.of("Scope", "Normative references", "Terms and definitions");

  /**
   * The exception for an id that is in the catalogue as another kind of entry than {@code asked}
   * ("a control", "a clause"): it says what the id is and what to ask for instead.
   */
  private Optional<UnknownIdException> otherKind(String id, String asked) {
    String given = "'" + id + "' is ";
    String not = ", not " + asked;
    Optional<Control> control = controls.find(id);
    if (control.isPresent()) {
      Control c = control.get();
      return Optional.of(
          UnknownIdException.otherKind(
              id,
              "Annex A control",
              given + "Annex A control " + c.id() + " (" + c.title() + ")" + not,
              List.of(c.id())));
    }
    Optional<AnnexAArea> area = areas.find(id);
    Optional<ControlObjective> objective = objectives.find(id);
    if (area.isPresent() || objective.isPresent()) {
      List<String> inside = controlsIn(id).stream().map(Control::id).toList();
      String what;
      String knownAs;
      if (area.isEmpty()) {
        ControlObjective o = objective.get();
        knownAs = "control objective";
        what = "control objective " + o.id() + " of Annex A (" + o.title() + ")";
      } else {
        AnnexAArea a = area.get();
        List<String> split =
            objectivesIn(a.id()).stream()
                .map(ControlObjective::id)
                .filter(o -> !o.equals(a.id()))
                .toList();
        knownAs = "Annex A area";
        what =
            "Annex A area "
                + a.id()
                + " ("
                + a.title()
                + ")"
                + (split.isEmpty()
                    ? ", which is also its control objective"
                    : " with the control objectives " + String.join(" and ", split));
      }
      return Optional.of(
          UnknownIdException.otherKind(
              id,
              knownAs,
              given + what + not + "; its controls are " + String.join(", ", inside),
              inside));
    }
    Optional<Clause> clause = clauses.find(id);
    if (clause.isPresent()) {
      Clause c = clause.get();
      List<String> supporting = controlsSupporting(c.id()).stream().map(Control::id).toList();
      return Optional.of(
          UnknownIdException.otherKind(
              id,
              "clause",
              given
                  + "clause "
                  + c.id()
                  + " ("
                  + c.title()
                  + ")"
                  + not
                  + (supporting.isEmpty()
                      ? ""
                      : "; the controls that support it are " + String.join(", ", supporting)),
              List.of(c.id())));
    }
    Optional<Term> term = findClause3Term(id);
    if (term.isPresent()) {
      Term t = term.get();
      return Optional.of(
          UnknownIdException.otherKind(
              id,
              "Clause 3 term",
              given
                  + "term "
                  + t.clause3Id().orElseThrow()
                  + " of Clause 3 (Terms and definitions), '"
                  + t.term()
                  + "'"
                  + not
                  + ": Clause 3 defines terms and sets no requirements (the clauses here are 4 to"
                  + " 10); the term matters in "
                  + String.join(", ", t.relatesTo()),
              t.relatesTo()));
    }
    String trimmed = id.trim();
    if (trimmed.matches("[123]")) {
      String title = REQUIREMENT_FREE_CLAUSES.get(Integer.parseInt(trimmed) - 1);
      return Optional.of(
          UnknownIdException.otherKind(
              id,
              "clause without requirements",
              given
                  + "Clause "
                  + trimmed
                  + " ("
                  + title
                  + "), which sets no requirements"
                  + not
                  + " of this catalogue: the requirements are in Clauses 4 to 10",
              List.of("4")));
    }
    Optional<CatalogEntry> annexC =
        annexCObjectives
            .find(id)
            .<CatalogEntry>map(o -> o)
            .or(() -> riskSources.find(id).map(r -> r));
    return annexC.map(
        e ->
            UnknownIdException.otherKind(
                id,
                "Annex C item",
                given
                    + (e instanceof RiskSource ? "Annex C risk source " : "Annex C objective ")
                    + e.id()
                    + " ("
                    + e.title()
                    + ")"
                    + not,
                List.of(e.id())));
  }

  // ---- Crosswalks ----

  /** Returns every bundled crosswalk, in the order of {@link Framework}. */
  public List<Crosswalk> crosswalks() {
    return List.copyOf(crosswalks.values());
  }

  /** Returns the crosswalk to a framework. */
  public Crosswalk crosswalk(Framework framework) {
    Crosswalk c = crosswalks.get(Objects.requireNonNull(framework, "framework"));
    if (c == null) {
      throw new IllegalStateException("no crosswalk loaded for " + framework.key());
    }
    return c;
  }

  /**
   * Returns the crosswalk for a framework key such as {@code nist-ai-rmf} (case ignored).
   *
   * @throws UnknownIdException naming the known keys when there is no such framework
   */
  public Crosswalk crosswalk(String frameworkKey) {
    return crosswalk(Framework.fromKey(frameworkKey));
  }

  /**
   * Returns, per framework, the links from an ISO/IEC 42001 clause or control; frameworks without
   * links from it are left out.
   */
  public Map<Framework, List<CrosswalkLink>> crosswalkLinks(String clauseOrControlId) {
    Map<Framework, List<CrosswalkLink>> out = new EnumMap<>(Framework.class);
    for (Crosswalk c : crosswalks.values()) {
      List<CrosswalkLink> links = c.linksFrom(clauseOrControlId);
      if (!links.isEmpty()) {
        out.put(c.framework(), links);
      }
    }
    return Collections.unmodifiableMap(out);
  }
}
