package dev.aims.core.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aims.core.json.AimsJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the bundled catalogue resources and checks every cross-reference before the catalogue is
 * handed out: the clause tree and its pairs, the Annex A hierarchy, the clauses each control
 * supports, and both endpoints of every crosswalk link.
 */
final class CatalogLoader {
  static final String CLAUSES = "clauses.json";
  static final String ANNEX_A = "annex-a.json";
  static final String ANNEX_C = "annex-c.json";
  static final String TERMS = "terms.json";

  /** Opens a catalogue resource by its name relative to this package; null when absent. */
  @FunctionalInterface
  interface Resources {
    InputStream open(String name) throws IOException;
  }

  record ClausesFile(List<Clause> clauses) {}

  record AnnexAFile(
      List<AnnexAArea> areas, List<ControlObjective> objectives, List<Control> controls) {}

  record AnnexCFile(
      String numbering, List<AnnexCObjective> objectives, List<RiskSource> riskSources) {}

  record TermsFile(List<Term> terms) {}

  private CatalogLoader() {}

  static String crosswalkResource(Framework framework) {
    return "crosswalks/" + framework.key() + ".json";
  }

  /** Every bundled data resource, for tools and tests that walk them. */
  static List<String> resourceNames() {
    List<String> names = new ArrayList<>(List.of(CLAUSES, ANNEX_A, ANNEX_C, TERMS));
    for (Framework f : Framework.values()) {
      names.add(crosswalkResource(f));
    }
    return List.copyOf(names);
  }

  static Catalog loadStandard() {
    return load(Catalog.class::getResourceAsStream);
  }

  static Catalog load(Resources resources) {
    ClausesFile clauses = read(resources, CLAUSES, ClausesFile.class);
    AnnexAFile annexA = read(resources, ANNEX_A, AnnexAFile.class);
    AnnexCFile annexC = read(resources, ANNEX_C, AnnexCFile.class);
    TermsFile terms = read(resources, TERMS, TermsFile.class);
    require(CLAUSES, "clauses", clauses.clauses());
    require(ANNEX_A, "areas", annexA.areas());
    require(ANNEX_A, "objectives", annexA.objectives());
    require(ANNEX_A, "controls", annexA.controls());
    require(ANNEX_C, "objectives", annexC.objectives());
    require(ANNEX_C, "riskSources", annexC.riskSources());
    if (annexC.numbering() == null || annexC.numbering().isBlank()) {
      throw new CatalogLoadException(ANNEX_C + ": 'numbering' is missing or blank");
    }
    require(TERMS, "terms", terms.terms());
    List<Crosswalk> crosswalks = new ArrayList<>();
    for (Framework f : Framework.values()) {
      String name = crosswalkResource(f);
      Crosswalk c = read(resources, name, Crosswalk.class);
      if (c.framework() != f) {
        throw new CatalogLoadException(
            name + ": framework is " + c.framework() + ", expected " + f);
      }
      crosswalks.add(c);
    }
    Catalog catalog =
        new Catalog(
            clauses.clauses(),
            annexA.areas(),
            annexA.objectives(),
            annexA.controls(),
            annexC.objectives(),
            annexC.riskSources(),
            annexC.numbering(),
            terms.terms(),
            crosswalks);
    checkClauses(catalog);
    checkAnnexA(catalog);
    checkTerms(catalog);
    for (Crosswalk c : crosswalks) {
      checkCrosswalk(catalog, c, crosswalkResource(c.framework()));
    }
    return catalog;
  }

  private static <T> T read(Resources resources, String name, Class<T> type) {
    ObjectMapper mapper = AimsJson.mapper();
    try (InputStream in = resources.open(name)) {
      if (in == null) {
        throw new CatalogLoadException("catalogue resource " + name + " is missing");
      }
      return mapper.readValue(in, type);
    } catch (IOException e) {
      throw new CatalogLoadException(
          "catalogue resource " + name + " is not valid: " + e.getMessage(), e);
    }
  }

  private static void require(String resource, String field, List<?> value) {
    if (value == null || value.isEmpty()) {
      throw new CatalogLoadException(resource + ": '" + field + "' is missing or empty");
    }
  }

  private static void checkClauses(Catalog catalog) {
    Set<String> seen = new HashSet<>();
    for (Clause c : catalog.clauses()) {
      String where = CLAUSES + ", clause " + c.id();
      c.parentId()
          .filter(p -> !seen.contains(p))
          .ifPresent(
              p -> {
                throw new CatalogLoadException(
                    where + ": parent '" + p + "' is missing or does not come before it");
              });
      seen.add(c.id());
      boolean hasChildren = !catalog.children(c.id()).isEmpty();
      if (c.heading() != hasChildren) {
        throw new CatalogLoadException(
            where
                + ": heading is "
                + c.heading()
                + " but the clause has sub-clauses: "
                + hasChildren);
      }
      Optional<String> pair = c.pairedWith();
      if (pair.isPresent()) {
        Optional<Clause> other = catalog.findClause(pair.get());
        if (other.isEmpty()
            || !other.get().id().equals(pair.get())
            || !other.get().pairedWith().equals(Optional.of(c.id()))) {
          throw new CatalogLoadException(
              where + ": pairedWith '" + pair.get() + "' is not a clause paired back with it");
        }
      }
    }
  }

  private static void checkAnnexA(Catalog catalog) {
    for (ControlObjective o : catalog.controlObjectives()) {
      String where = ANNEX_A + ", control objective " + o.id();
      if (catalog.areas().stream().noneMatch(a -> a.id().equals(o.areaId()))) {
        throw new CatalogLoadException(where + ": areaId '" + o.areaId() + "' is not an area");
      }
    }
    for (AnnexAArea a : catalog.areas()) {
      List<ControlObjective> objectives = catalog.objectivesIn(a.id());
      boolean single = objectives.size() == 1 && objectives.get(0).id().equals(a.id());
      boolean split =
          objectives.size() > 1 && objectives.stream().noneMatch(o -> o.id().equals(a.id()));
      if (!single && !split) {
        throw new CatalogLoadException(
            ANNEX_A
                + ", area "
                + a.id()
                + ": needs one objective carrying the area id, or several with their own ids");
      }
    }
    for (Control c : catalog.controls()) {
      String where = ANNEX_A + ", control " + c.id();
      Optional<ControlObjective> o =
          catalog.controlObjectives().stream()
              .filter(x -> x.id().equals(c.objectiveId()))
              .findFirst();
      if (o.isEmpty() || !o.get().areaId().equals(c.areaId())) {
        throw new CatalogLoadException(
            where
                + ": objectiveId '"
                + c.objectiveId()
                + "' is not an objective of area '"
                + c.areaId()
                + "'");
      }
      for (String clause : c.supportsClauses()) {
        Optional<Clause> found = catalog.findClause(clause);
        if (found.isEmpty() || !found.get().id().equals(clause) || found.get().heading()) {
          throw new CatalogLoadException(
              where + ": supportsClauses entry '" + clause + "' is not a leaf clause");
        }
      }
    }
  }

  private static void checkTerms(Catalog catalog) {
    Set<String> names = new HashSet<>();
    for (Term t : catalog.terms()) {
      String where = TERMS + ", term '" + t.term() + "'";
      for (String name : t.names()) {
        if (!names.add(name.toLowerCase(Locale.ROOT))) {
          throw new CatalogLoadException(where + ": the name '" + name + "' is used twice");
        }
      }
      for (String id : t.relatesTo()) {
        if (!isAimsId(catalog, id)) {
          throw new CatalogLoadException(
              where + ": relatesTo entry '" + id + "' is not an ISO/IEC 42001 clause or control");
        }
      }
    }
  }

  private static void checkCrosswalk(Catalog catalog, Crosswalk crosswalk, String resource) {
    String name = "crosswalk " + crosswalk.framework().key() + " (" + resource + ")";
    Set<String> targets = new HashSet<>();
    for (FrameworkItem t : crosswalk.targets()) {
      if (!targets.add(t.id())) {
        throw new CatalogLoadException(name + ": target '" + t.id() + "' is listed twice");
      }
    }
    Set<String> pairs = new HashSet<>();
    List<CrosswalkLink> links = crosswalk.links();
    for (int i = 0; i < links.size(); i++) {
      CrosswalkLink l = links.get(i);
      String where = name + ", link #" + (i + 1) + " " + l.source() + " -> " + l.target();
      if (!isAimsId(catalog, l.source())) {
        throw new CatalogLoadException(
            where + ": source '" + l.source() + "' is not an ISO/IEC 42001 clause or control");
      }
      if (!targets.contains(l.target())) {
        throw new CatalogLoadException(
            where
                + ": target '"
                + l.target()
                + "' is not an item of "
                + crosswalk.framework().title());
      }
      if (!pairs.add(l.source() + "\n" + l.target())) {
        throw new CatalogLoadException(where + ": the same link is listed twice");
      }
    }
    for (CrosswalkGap g : crosswalk.gaps()) {
      boolean known =
          g.side() == CrosswalkSide.ISO_42001
              ? isAimsId(catalog, g.id())
              : targets.contains(g.id());
      if (!known) {
        throw new CatalogLoadException(
            name + ": gap id '" + g.id() + "' is not an id on the " + g.side() + " side");
      }
    }
  }

  /** Exact spelling: data files must use the standard's ids, not merely case-equal ones. */
  private static boolean isAimsId(Catalog catalog, String id) {
    return catalog.findClause(id).map(Clause::id).filter(id::equals).isPresent()
        || catalog.findControl(id).map(Control::id).filter(id::equals).isPresent();
  }
}
