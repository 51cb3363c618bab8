package dev.aims.core.catalog;

import java.util.List;
import java.util.Map;

/**
 * The catalogue's pages as plain text, for a reader: the list of clauses and controls, one control
 * with its guidance and crosswalk links, one clause, a crosswalk, the key terms and Annex C. These
 * are the pages {@code aims catalog} prints; a host can put them where its people read, such as a
 * control's guidance in a ticket.
 *
 * <p>Each page is a string of lines ending in {@code \n}, prose wrapped to 96 characters and tables
 * in columns, with no trailing blanks on any line. The guidance is our own wording, not the
 * standard's text. The methods are pure and safe to call from any thread.
 */
public final class CatalogPages {
  /** Titles in a crosswalk's table are clipped to this many characters to keep it readable. */
  private static final int TITLE_WIDTH = 40;

  private CatalogPages() {}

  /**
   * Returns the list of Clauses 4-10 with their documented information, then the Annex A areas,
   * control objectives and controls with their emphasis; the page ends with an empty line.
   */
  public static String listing(Catalog catalog) {
    PageText page = new PageText();
    page.line(
            "ISO/IEC 42001:2023 Clauses 4-10: "
                + catalog.topLevelClauses().size()
                + " clauses, "
                + (catalog.clauses().size() - catalog.topLevelClauses().size())
                + " sub-clauses, "
                + catalog.leafClauses().size()
                + " leaf requirements")
        .blank();
    PageText.Table clauses = new PageText.Table("ID", "TITLE", "DOCUMENTED INFORMATION");
    for (Clause c : catalog.clauses()) {
      String indent = "  ".repeat(c.level() - 1);
      clauses.row(indent + c.id(), c.title(), documented(c.documentedInformation()));
    }
    page.table(clauses, "").blank();
    page.line(
            "Annex A: "
                + catalog.areas().size()
                + " areas, "
                + catalog.controlObjectives().size()
                + " control objectives, "
                + catalog.controls().size()
                + " controls")
        .blank();
    PageText.Table controls = new PageText.Table("ID", "TITLE", "EMPHASIS");
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
    return page.table(controls, "").blank().toString();
  }

  /**
   * Returns the page of one Annex A control: its area, objective, emphasis, Annex B guidance id and
   * the clauses it supports, then its purpose, requirements, implementation steps, the evidence an
   * auditor asks for, audit tips and its crosswalk links.
   */
  public static String control(Catalog catalog, Control control) {
    PageText page = new PageText();
    page.line(control.id() + "  " + control.title()).blank();
    AnnexAArea area = catalog.area(control.areaId());
    ControlObjective objective = catalog.controlObjective(control.objectiveId());
    PageText.Table facts = new PageText.Table("", "");
    facts.row("Area", area.id() + " " + area.title());
    facts.row("Objective", objective.id() + " " + objective.title());
    facts.row(
        "Emphasis", control.emphasis().name() + " (" + control.emphasis().description() + ")");
    facts.row("Annex B guidance", control.guidanceId());
    facts.row("Supports clauses", supported(catalog, control));
    page.rows(facts, "").blank();
    page.paragraph("Purpose", control.purpose());
    page.bullets("What the organisation must have", control.requirements());
    page.bullets("Implementation steps", control.implementationSteps());
    page.bullets("Evidence an auditor asks for", control.evidence());
    page.bullets("Audit tips", control.auditTips());
    links(page, catalog, control.id());
    return page.line("Guidance is our own wording, not the standard's text.").toString();
  }

  /**
   * Returns the page of one clause: its parent, kind, documented information and paired clause, its
   * gist in our words, its sub-clauses, the Annex A controls that support it and its crosswalk
   * links.
   */
  public static String clause(Catalog catalog, Clause clause) {
    PageText page = new PageText();
    page.line(clause.id() + "  " + clause.title()).blank();
    PageText.Table facts = new PageText.Table("", "");
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
    page.rows(facts, "").blank();
    page.paragraph("Gist (our words)", clause.gist());
    List<Clause> children = catalog.children(clause.id());
    if (!children.isEmpty()) {
      PageText.Table table = new PageText.Table("ID", "TITLE");
      children.forEach(c -> table.row(c.id(), c.title()));
      page.line("Sub-clauses").table(table, "  ").blank();
    }
    List<Control> supporting = catalog.controlsSupporting(clause.id());
    if (!supporting.isEmpty()) {
      PageText.Table table = new PageText.Table("ID", "TITLE");
      supporting.forEach(c -> table.row(c.id(), c.title()));
      page.line("Annex A controls that support it").table(table, "  ").blank();
    }
    return links(page, catalog, clause.id()).toString();
  }

  /**
   * Returns the page of one crosswalk: its provenance and notes, every link with both sides' titles
   * (clipped to 40 characters), relation and basis, the links' notes (marked {@code *}) and the
   * gaps on either side.
   */
  public static String crosswalk(Catalog catalog, Crosswalk crosswalk) {
    PageText page = new PageText();
    page.line("ISO/IEC 42001:2023 -> " + crosswalk.framework().title());
    page.line(
            crosswalk.links().size()
                + " links to "
                + crosswalk.targets().size()
                + " items; "
                + crosswalk.gaps().size()
                + " gaps")
        .blank();
    page.paragraph("Provenance", crosswalk.provenance());
    if (!crosswalk.notes().isEmpty()) {
      page.bullets("Notes on the crosswalk", crosswalk.notes());
    }
    PageText.Table table =
        new PageText.Table("ISO/IEC 42001", "TITLE", "TARGET", "TARGET TITLE", "RELATION", "BASIS");
    for (CrosswalkLink l : crosswalk.links()) {
      table.row(
          l.source(),
          PageText.clip(catalog.title(l.source()).orElse(""), TITLE_WIDTH),
          l.target(),
          PageText.clip(crosswalk.target(l.target()).map(t -> t.label()).orElse(""), TITLE_WIDTH),
          l.relation().name(),
          l.basis().name() + (l.note().isPresent() ? " *" : ""));
    }
    page.table(table, "").blank();
    List<CrosswalkLink> noted =
        crosswalk.links().stream().filter(l -> l.note().isPresent()).toList();
    if (!noted.isEmpty()) {
      page.line("* Notes");
      noted.forEach(l -> page.bullet(l.source() + " -> " + l.target() + ": " + l.note().get()));
      page.blank();
    }
    if (!crosswalk.gaps().isEmpty()) {
      page.line("Gaps");
      for (CrosswalkGap g : crosswalk.gaps()) {
        String side =
            g.side() == CrosswalkSide.ISO_42001
                ? "ISO/IEC 42001 " + g.id()
                : crosswalk.framework().key() + " " + g.id();
        page.bullet(side + ": " + g.note());
      }
    }
    return page.toString();
  }

  /**
   * Returns the key terms in our own words: the Clause 3 terms first, then the others, each with
   * its aliases, explanation and the clauses and controls it matters in.
   */
  public static String terms(Catalog catalog) {
    PageText page = new PageText();
    page.line("Key terms of an AI management system");
    page.line(
            "In our own words, not the standard's definitions; \"Matters in\" names clauses and"
                + " controls.")
        .blank();
    page.line("ISO/IEC 42001:2023 Clause 3, Terms and definitions (sets no requirements)").blank();
    catalog.terms().stream()
        .filter(t -> t.origin() == TermOrigin.CLAUSE_3)
        .forEach(t -> term(page, t.clause3Id().orElseThrow() + "  " + termName(t), t, ""));
    page.line("Other key terms").blank();
    catalog.terms().stream()
        .filter(t -> t.origin() != TermOrigin.CLAUSE_3)
        .forEach(t -> term(page, termName(t), t, t.origin().description()));
    return page.toString();
  }

  /**
   * Returns Annex C: the AI-related organisational objectives and the risk sources with their gists
   * in our words, and how our ids number them.
   */
  public static String annexC(Catalog catalog) {
    PageText page = new PageText();
    page.line("Annex C (informative): AI-related organisational objectives");
    PageText.Table objectives = new PageText.Table("ID", "TITLE", "GIST (OUR WORDS)");
    for (AnnexCObjective o : catalog.annexCObjectives()) {
      objectives.row(o.id(), o.title(), o.gist());
    }
    page.table(objectives, "  ").blank();
    page.line("Annex C (informative): risk sources");
    PageText.Table sources = new PageText.Table("ID", "TITLE", "GIST (OUR WORDS)");
    for (RiskSource r : catalog.riskSources()) {
      sources.row(r.id(), r.title(), r.gist());
    }
    page.table(sources, "  ").blank();
    return page.paragraph("Numbering", catalog.annexCNumbering()).toString();
  }

  private static String documented(DocumentedInformation info) {
    return switch (info.kind()) {
      case NONE -> "-";
      case DOCUMENT -> "document: " + String.join("; ", info.items());
      case RECORD -> "record: " + String.join("; ", info.items());
    };
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

  private static PageText links(PageText page, Catalog catalog, String id) {
    Map<Framework, List<CrosswalkLink>> byFramework = catalog.crosswalkLinks(id);
    if (byFramework.isEmpty()) {
      return page.line("Crosswalk links: none").blank();
    }
    PageText.Table table = new PageText.Table("FRAMEWORK", "TARGET", "TITLE", "RELATION", "BASIS");
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
    return page.line("Crosswalk links").table(table, "  ").blank();
  }

  private static String termName(Term t) {
    return t.term() + (t.aliases().isEmpty() ? "" : " (" + String.join(", ", t.aliases()) + ")");
  }

  private static void term(PageText page, String heading, Term t, String origin) {
    page.line(heading).wrapped("    ", t.explanation());
    page.line(
            "    "
                + (origin.isEmpty() ? "" : origin + "; ")
                + "Matters in: "
                + String.join(", ", t.relatesTo()))
        .blank();
  }
}
