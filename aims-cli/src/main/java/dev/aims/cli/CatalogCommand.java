package dev.aims.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aims.core.catalog.AnnexAArea;
import dev.aims.core.catalog.AnnexCObjective;
import dev.aims.core.catalog.Catalog;
import dev.aims.core.catalog.CatalogViews.AnnexC;
import dev.aims.core.catalog.CatalogViews.ClauseView;
import dev.aims.core.catalog.CatalogViews.ControlView;
import dev.aims.core.catalog.CatalogViews.Listing;
import dev.aims.core.catalog.Clause;
import dev.aims.core.catalog.Control;
import dev.aims.core.catalog.ControlObjective;
import dev.aims.core.catalog.Crosswalk;
import dev.aims.core.catalog.CrosswalkGap;
import dev.aims.core.catalog.CrosswalkLink;
import dev.aims.core.catalog.CrosswalkSide;
import dev.aims.core.catalog.DocumentedInformation;
import dev.aims.core.catalog.Framework;
import dev.aims.core.catalog.RiskSource;
import dev.aims.core.catalog.Term;
import dev.aims.core.catalog.TermOrigin;
import dev.aims.core.catalog.UnknownIdException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aims catalog}: browse the ISO/IEC 42001:2023 catalogue. Without options it lists the
 * clauses and the Annex A controls; {@code --control}, {@code --clause}, {@code --annex-c}, {@code
 * --terms} and {@code --crosswalk} show one part, and {@code --json} prints any of them as JSON. An
 * id that is not in the standard ends the command with exit code 2 and a message naming the nearest
 * ids; an id of another kind (a control objective given to {@code --control}, a Clause 3 term given
 * to {@code --clause}) gets a message saying what it is and the command to use instead.
 */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description = {
      "Browse the ISO/IEC 42001:2023 catalogue: Clauses 4-10, the Annex A controls with our"
          + " implementation and audit guidance, Annex C, and crosswalks to other frameworks.",
      "Ids ignore case (a.6.2.8 works); ids not in the standard are rejected with the nearest"
          + " real ones."
    })
public final class CatalogCommand implements Callable<Integer> {
  private static final int TITLE_WIDTH = 40;

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true)
  Selection selection = new Selection();

  @Option(names = "--json", description = "Print machine-readable JSON instead of text.")
  boolean json;

  /** The crosswalk keys, in the order of {@link Framework}, for the help text. */
  static final class FrameworkKeys implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Framework.values()).map(Framework::key).iterator();
    }
  }

  /** At most one part of the catalogue is shown at a time. */
  static final class Selection {
    @Option(
        names = "--control",
        paramLabel = "ID",
        description = "Show one Annex A control, e.g. A.6.2.8.")
    String control;

    @Option(names = "--clause", paramLabel = "ID", description = "Show one clause, e.g. 6.1.4.")
    String clause;

    @Option(
        names = "--crosswalk",
        paramLabel = "FRAMEWORK",
        completionCandidates = FrameworkKeys.class,
        description = "Show a crosswalk: ${COMPLETION-CANDIDATES}.")
    String crosswalk;

    @Option(names = "--annex-c", description = "List the Annex C objectives and risk sources.")
    boolean annexC;

    @Option(
        names = "--terms",
        description =
            "Explain the key terms (Clause 3 and others such as AIMS, AI provider, human"
                + " oversight) in our own words, with the clauses and controls they matter in.")
    boolean terms;
  }

  @Override
  public Integer call() throws JsonProcessingException {
    Catalog catalog = Catalog.standard();
    try {
      return show(catalog, spec.commandLine().getOut());
    } catch (UnknownIdException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("aims catalog: " + e.getMessage());
      insteadHint(catalog, e).ifPresent(err::println);
      err.flush();
      return 2;
    }
  }

  /**
   * For an id that names another kind of entry, the command that shows what to ask for instead; an
   * unknown id's message already names the nearest ids.
   */
  static Optional<String> insteadHint(Catalog catalog, UnknownIdException e) {
    if (e.knownAs().isEmpty() || e.suggestions().isEmpty()) {
      return Optional.empty();
    }
    String first = e.suggestions().get(0);
    String command;
    if (catalog.isControl(first)) {
      command = "aims catalog --control " + first;
    } else if (catalog.isClause(first)) {
      command = "aims catalog --clause " + first;
    } else {
      command = "aims catalog --annex-c";
    }
    return Optional.of(
        (e.suggestions().size() == 1 ? "show it with: " : "show one with: ")
            + command
            + (e.knownAs().get().equals("Clause 3 term")
                ? "; the terms are explained by: aims catalog --terms"
                : ""));
  }

  private int show(Catalog catalog, PrintWriter out) throws JsonProcessingException {
    if (selection.control != null) {
      Control control = catalog.control(selection.control);
      show(out, ControlView.of(catalog, control), () -> printControl(out, catalog, control));
    } else if (selection.clause != null) {
      Clause clause = catalog.clause(selection.clause);
      show(out, ClauseView.of(catalog, clause), () -> printClause(out, catalog, clause));
    } else if (selection.crosswalk != null) {
      Crosswalk crosswalk = catalog.crosswalk(selection.crosswalk);
      show(out, crosswalk, () -> printCrosswalk(out, catalog, crosswalk));
    } else if (selection.annexC) {
      show(out, AnnexC.of(catalog), () -> printAnnexC(out, catalog));
    } else if (selection.terms) {
      show(out, Map.of("terms", catalog.terms()), () -> printTerms(out, catalog));
    } else {
      show(out, Listing.of(catalog), () -> printList(out, catalog));
    }
    out.flush();
    return 0;
  }

  /** Prints the part as JSON with {@code --json}, else as text. */
  private void show(PrintWriter out, Object json, Runnable text) throws JsonProcessingException {
    if (this.json) {
      RecordsDirectoryCommand.printJson(out, json);
    } else {
      text.run();
    }
  }

  // ---- Text ----

  private static void printList(PrintWriter out, Catalog catalog) {
    out.println(
        "ISO/IEC 42001:2023 Clauses 4-10: "
            + catalog.topLevelClauses().size()
            + " clauses, "
            + (catalog.clauses().size() - catalog.topLevelClauses().size())
            + " sub-clauses, "
            + catalog.leafClauses().size()
            + " leaf requirements");
    out.println();
    CatalogTable clauses = new CatalogTable("ID", "TITLE", "DOCUMENTED INFORMATION");
    for (Clause c : catalog.clauses()) {
      String indent = "  ".repeat(c.level() - 1);
      clauses.row(indent + c.id(), c.title(), documented(c.documentedInformation()));
    }
    clauses.print(out, "");
    out.println();
    out.println(
        "Annex A: "
            + catalog.areas().size()
            + " areas, "
            + catalog.controlObjectives().size()
            + " control objectives, "
            + catalog.controls().size()
            + " controls");
    out.println();
    CatalogTable controls = new CatalogTable("ID", "TITLE", "EMPHASIS");
    for (AnnexAArea area : catalog.areas()) {
      controls.row(area.id(), area.title(), "");
      for (ControlObjective o : catalog.objectivesIn(area.id())) {
        if (!o.id().equals(area.id())) {
          controls.row("  " + o.id(), o.title(), "");
        }
        for (Control c : catalog.controlsIn(o.id())) {
          controls.row("    " + c.id(), c.title(), c.emphasis().name());
        }
      }
    }
    controls.print(out, "");
    out.println();
    out.println("Show one: aims catalog --control A.6.2.8 | --clause 6.1.4 | --annex-c | --terms");
    out.println("Crosswalks: aims catalog --crosswalk " + String.join(" | ", new FrameworkKeys()));
  }

  private static String documented(DocumentedInformation info) {
    return switch (info.kind()) {
      case NONE -> "-";
      case DOCUMENT -> "document: " + String.join("; ", info.items());
      case RECORD -> "record: " + String.join("; ", info.items());
    };
  }

  private static void paragraph(PrintWriter out, String heading, String text) {
    out.println(heading);
    CatalogTable.printWrapped(out, "  ", text);
    out.println();
  }

  private static void bullets(PrintWriter out, String heading, List<String> items) {
    out.println(heading);
    items.forEach(item -> bullet(out, item));
    out.println();
  }

  private static void bullet(PrintWriter out, String text) {
    CatalogTable.printWrapped(out, "  - ", text);
  }

  private static void printControl(PrintWriter out, Catalog catalog, Control control) {
    out.println(control.id() + "  " + control.title());
    out.println();
    AnnexAArea area = catalog.area(control.areaId());
    ControlObjective objective = catalog.controlObjective(control.objectiveId());
    CatalogTable facts = new CatalogTable("", "");
    facts.row("Area", area.id() + " " + area.title());
    facts.row("Objective", objective.id() + " " + objective.title());
    facts.row(
        "Emphasis", control.emphasis().name() + " (" + control.emphasis().description() + ")");
    facts.row("Annex B guidance", control.guidanceId());
    facts.row("Supports clauses", supported(catalog, control));
    printFacts(out, facts);
    paragraph(out, "Purpose", control.purpose());
    bullets(out, "What the organisation must have", control.requirements());
    bullets(out, "Implementation steps", control.implementationSteps());
    bullets(out, "Evidence an auditor asks for", control.evidence());
    bullets(out, "Audit tips", control.auditTips());
    printLinks(out, catalog, control.id());
    out.println("Guidance is our own wording, not the standard's text.");
  }

  private static String supported(Catalog catalog, Control control) {
    StringBuilder b = new StringBuilder();
    for (String id : control.supportsClauses()) {
      b.append(b.length() == 0 ? "" : "; ")
          .append(id)
          .append(' ')
          .append(catalog.clause(id).title());
    }
    return b.toString();
  }

  /** Prints label/value pairs without the table's header row. */
  private static void printFacts(PrintWriter out, CatalogTable facts) {
    facts.printRows(out, "");
    out.println();
  }

  private static void printLinks(PrintWriter out, Catalog catalog, String id) {
    Map<Framework, List<CrosswalkLink>> byFramework = catalog.crosswalkLinks(id);
    if (byFramework.isEmpty()) {
      out.println("Crosswalk links: none");
      out.println();
      return;
    }
    out.println("Crosswalk links");
    CatalogTable table = new CatalogTable("FRAMEWORK", "TARGET", "TITLE", "RELATION", "BASIS");
    byFramework.forEach(
        (framework, links) -> {
          Crosswalk crosswalk = catalog.crosswalk(framework);
          for (CrosswalkLink l : links) {
            table.row(
                framework.key(),
                l.target(),
                crosswalk.target(l.target()).map(t -> t.label()).orElse(""),
                l.relation().name(),
                l.basis().name());
          }
        });
    table.print(out, "  ");
    out.println();
  }

  private static void printClause(PrintWriter out, Catalog catalog, Clause clause) {
    out.println(clause.id() + "  " + clause.title());
    out.println();
    CatalogTable facts = new CatalogTable("", "");
    clause.parentId().ifPresent(p -> facts.row("Part of", p + " " + catalog.clause(p).title()));
    facts.row("Kind", clause.heading() ? "heading (groups sub-clauses)" : "leaf requirement");
    facts.row("Documented information", documented(clause.documentedInformation()));
    catalog
        .pairedClause(clause.id())
        .ifPresent(
            p ->
                facts.row(
                    "Paired with",
                    p.id()
                        + " "
                        + p.title()
                        + (p.id().startsWith("8.") ? " (operational)" : " (planning)")));
    printFacts(out, facts);
    paragraph(out, "Gist (our words)", clause.gist());
    List<Clause> children = catalog.children(clause.id());
    if (!children.isEmpty()) {
      CatalogTable table = new CatalogTable("ID", "TITLE");
      children.forEach(c -> table.row(c.id(), c.title()));
      out.println("Sub-clauses");
      table.print(out, "  ");
      out.println();
    }
    List<Control> supporting = catalog.controlsSupporting(clause.id());
    if (!supporting.isEmpty()) {
      CatalogTable table = new CatalogTable("ID", "TITLE");
      supporting.forEach(c -> table.row(c.id(), c.title()));
      out.println("Annex A controls that support it");
      table.print(out, "  ");
      out.println();
    }
    printLinks(out, catalog, clause.id());
  }

  private static void printCrosswalk(PrintWriter out, Catalog catalog, Crosswalk crosswalk) {
    out.println("ISO/IEC 42001:2023 -> " + crosswalk.framework().title());
    out.println(
        crosswalk.links().size()
            + " links to "
            + crosswalk.targets().size()
            + " items; "
            + crosswalk.gaps().size()
            + " gaps");
    out.println();
    paragraph(out, "Provenance", crosswalk.provenance());
    if (!crosswalk.notes().isEmpty()) {
      bullets(out, "Notes on the crosswalk", crosswalk.notes());
    }
    CatalogTable table =
        new CatalogTable("ISO/IEC 42001", "TITLE", "TARGET", "TARGET TITLE", "RELATION", "BASIS");
    for (CrosswalkLink l : crosswalk.links()) {
      table.row(
          l.source(),
          CatalogTable.clip(catalog.title(l.source()).orElse(""), TITLE_WIDTH),
          l.target(),
          CatalogTable.clip(
              crosswalk.target(l.target()).map(t -> t.label()).orElse(""), TITLE_WIDTH),
          l.relation().name(),
          l.basis().name() + (l.note().isPresent() ? " *" : ""));
    }
    table.print(out, "");
    out.println();
    List<CrosswalkLink> noted =
        crosswalk.links().stream().filter(l -> l.note().isPresent()).toList();
    if (!noted.isEmpty()) {
      out.println("* Notes");
      for (CrosswalkLink l : noted) {
        bullet(out, l.source() + " -> " + l.target() + ": " + l.note().get());
      }
      out.println();
    }
    if (!crosswalk.gaps().isEmpty()) {
      out.println("Gaps");
      for (CrosswalkGap g : crosswalk.gaps()) {
        String side =
            g.side() == CrosswalkSide.ISO_42001
                ? "ISO/IEC 42001 " + g.id()
                : crosswalk.framework().key() + " " + g.id();
        bullet(out, side + ": " + g.note());
      }
    }
  }

  private static void printTerms(PrintWriter out, Catalog catalog) {
    out.println("Key terms of an AI management system");
    out.println(
        "In our own words, not the standard's definitions; \"Matters in\" names clauses and"
            + " controls.");
    out.println();
    out.println("ISO/IEC 42001:2023 Clause 3, Terms and definitions (sets no requirements)");
    out.println();
    catalog.terms().stream()
        .filter(t -> t.origin() == TermOrigin.CLAUSE_3)
        .forEach(t -> printTerm(out, t.clause3Id().orElseThrow() + "  " + termName(t), t, ""));
    out.println("Other key terms");
    out.println();
    catalog.terms().stream()
        .filter(t -> t.origin() != TermOrigin.CLAUSE_3)
        .forEach(t -> printTerm(out, termName(t), t, t.origin().description()));
  }

  private static String termName(Term t) {
    return t.term() + (t.aliases().isEmpty() ? "" : " (" + String.join(", ", t.aliases()) + ")");
  }

  private static void printTerm(PrintWriter out, String heading, Term t, String origin) {
    out.println(heading);
    CatalogTable.printWrapped(out, "    ", t.explanation());
    out.println(
        "    "
            + (origin.isEmpty() ? "" : origin + "; ")
            + "Matters in: "
            + String.join(", ", t.relatesTo()));
    out.println();
  }

  private static void printAnnexC(PrintWriter out, Catalog catalog) {
    out.println("Annex C (informative): AI-related organisational objectives");
    CatalogTable objectives = new CatalogTable("ID", "TITLE", "GIST (OUR WORDS)");
    for (AnnexCObjective o : catalog.annexCObjectives()) {
      objectives.row(o.id(), o.title(), o.gist());
    }
    objectives.print(out, "  ");
    out.println();
    out.println("Annex C (informative): risk sources");
    CatalogTable sources = new CatalogTable("ID", "TITLE", "GIST (OUR WORDS)");
    for (RiskSource r : catalog.riskSources()) {
      sources.row(r.id(), r.title(), r.gist());
    }
    sources.print(out, "  ");
    out.println();
    paragraph(out, "Numbering", catalog.annexCNumbering());
  }
}
