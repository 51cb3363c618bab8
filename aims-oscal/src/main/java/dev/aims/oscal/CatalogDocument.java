package dev.aims.oscal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aims.core.catalog.AnnexAArea;
import dev.aims.core.catalog.Catalog;
import dev.aims.core.catalog.Clause;
import dev.aims.core.catalog.Control;
import dev.aims.core.catalog.ControlObjective;
import dev.aims.core.catalog.Crosswalk;
import dev.aims.core.catalog.CrosswalkLink;
import dev.aims.core.catalog.DocumentedInformation;
import dev.aims.core.catalog.Framework;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The OSCAL 1.1.2 catalogue of ISO/IEC 42001:2023 ({@code catalog.json}): Clauses 4 to 10 and the
 * 38 Annex A controls, with the standard's ids and titles and the SDK's own guidance, never the
 * standard's text.
 *
 * <p>The document's shape, which the profile, SSP and assessment documents rely on:
 *
 * <ul>
 *   <li>Clauses: one group per clause number, {@code clause-4} .. {@code clause-10}; every clause
 *       below it is a control {@code clause-4.1}, {@code clause-6.1.2} (an OSCAL token cannot start
 *       with a digit). A clause that only heads others (6.1, 7.5, 9.2, 9.3) is a control of class
 *       {@code clause-heading} holding its sub-clauses as child controls, so the standard's order
 *       is kept; the others have class {@code clause}. Parts: {@code overview} (the SDK's gist of
 *       the clause) and, where the clause asks for documented information, {@code
 *       documented-information} (our namespace) with a {@code kind} prop of {@code document} or
 *       {@code record}. A clause paired with another (6.1.2 and 8.2) links to it ({@code rel}
 *       {@code related}).
 *   <li>Annex A: one group per area, id {@code A.2} .. {@code A.10}, class {@code annex-a-area},
 *       with an {@code overview} part (the area's gist). Where the area's control objective has the
 *       area's id, it is the group's {@code objective} part; A.6, whose objectives are A.6.1 and
 *       A.6.2, holds one sub-group (class {@code annex-a-objective}) per objective with the {@code
 *       objective} part and its controls.
 *   <li>Annex A controls keep their id ({@code A.6.2.8}), class {@code annex-a-control}. Parts:
 *       {@code overview} (purpose), {@code guidance} with sub-parts {@code requirements} and {@code
 *       implementation-steps} (our namespace), {@code assessment-method} ({@code method} {@code
 *       EXAMINE}) with an {@code assessment-objects} sub-part listing the evidence an auditor asks
 *       for, and {@code audit-tips} (our namespace). Props: {@code label}, {@code annex-b-guidance}
 *       (the Annex B id, e.g. {@code B.6.2.8}) and {@code emphasis} ({@code provider}, {@code user}
 *       or {@code both}), both in our namespace. Each clause the control helps to meet is a link
 *       {@code #clause-5.2} with {@code rel} {@code related}.
 *   <li>Crosswalks: every link from a clause, area, objective or control to another framework is a
 *       {@code crosswalk} prop (our namespace) on that element: {@code class} is the framework key
 *       ({@code nist-ai-rmf}), {@code value} the framework's item id ({@code GOVERN 1.1}), {@code
 *       remarks} the relation, its basis and any note. The other frameworks have no OSCAL
 *       catalogues to link to, hence props; each framework is a back-matter resource (title,
 *       provenance, a {@code framework} prop with its key) so that a reader can resolve the key.
 * </ul>
 *
 * <p>Prose is OSCAL markup (Markdown): lists are bullet lists, and Markdown's special characters in
 * the catalogue's text are escaped. Pure and deterministic: the same catalogue and day give the
 * same bytes.
 */
public final class CatalogDocument {
  /** The namespace of the SDK's own props and part names. */
  public static final String NS = "https://aims.dev/ns/oscal";

  /** The document's file name, which the profile imports. */
  public static final String FILE_NAME = "catalog.json";

  /** The catalogue's title in the document metadata. */
  public static final String TITLE = "ISO/IEC 42001:2023 — AI management system (SDK catalogue)";

  /** The catalogue's version in the document metadata: the edition of the standard. */
  public static final String VERSION = "ISO/IEC 42001:2023";

  static final String REMARKS =
      "Ids and titles of clauses, Annex A areas, control objectives and controls are those of"
          + " ISO/IEC 42001:2023 (copyright ISO/IEC). Everything else (overviews, purposes,"
          + " requirements, implementation steps, evidence, audit tips, crosswalks) is the AIMS"
          + " SDK's own guidance, written in its own words; the standard's text is not"
          + " reproduced. Read the standard itself for its requirements.";

  private CatalogDocument() {}

  /** Returns the catalogue document ({@code {"catalog": {...}}}) of the bundled catalogue. */
  public static ObjectNode of(LocalDate asOf) {
    return of(Catalog.standard(), asOf);
  }

  /**
   * Returns the catalogue document ({@code {"catalog": {...}}}) of {@code catalog}, dated {@code
   * asOf} ({@code last-modified} at midnight UTC).
   */
  public static ObjectNode of(Catalog catalog, LocalDate asOf) {
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(asOf, "asOf");
    ObjectNode c = OscalJson.object();
    c.put("uuid", OscalIds.of("catalog", "catalog", "iso-iec-42001-2023"));
    ObjectNode metadata = OscalJson.metadata(TITLE, asOf, VERSION);
    metadata.put("remarks", REMARKS);
    c.set("metadata", metadata);
    ArrayNode groups = c.putArray("groups");
    for (Clause top : catalog.topLevelClauses()) {
      groups.add(clauseGroup(catalog, top));
    }
    for (AnnexAArea area : catalog.areas()) {
      groups.add(areaGroup(catalog, area));
    }
    ArrayNode resources = c.putObject("back-matter").putArray("resources");
    for (Crosswalk x : catalog.crosswalks()) {
      resources.add(frameworkResource(x));
    }
    ObjectNode root = OscalJson.object();
    root.set("catalog", c);
    return root;
  }

  /** Returns {@link #of(Catalog, LocalDate)} as JSON text ({@link OscalJson#write}). */
  public static String toJson(Catalog catalog, LocalDate asOf) {
    return OscalJson.write(of(catalog, asOf));
  }

  /** Returns the OSCAL control id of a clause: {@code clause-} and the clause number. */
  public static String clauseControlId(String clauseId) {
    return "clause-" + clauseId;
  }

  /** Returns the UUID of the back-matter resource that names a crosswalked framework. */
  public static String frameworkResourceUuid(Framework framework) {
    return OscalIds.of("catalog", "resource", "framework", framework.key());
  }

  private static ObjectNode clauseGroup(Catalog catalog, Clause top) {
    ObjectNode g = OscalJson.object();
    g.put("id", clauseControlId(top.id()));
    g.put("class", "clause");
    g.put("title", top.title());
    g.set("props", props(catalog, top.id()));
    g.set("parts", clauseParts(top));
    ArrayNode controls = OscalJson.array();
    for (Clause child : catalog.children(top.id())) {
      controls.add(clauseControl(catalog, child));
    }
    g.set("controls", controls);
    return g;
  }

  private static ObjectNode clauseControl(Catalog catalog, Clause clause) {
    ObjectNode c = OscalJson.object();
    c.put("id", clauseControlId(clause.id()));
    c.put("class", clause.heading() ? "clause-heading" : "clause");
    c.put("title", clause.title());
    c.set("props", props(catalog, clause.id()));
    clause
        .pairedWith()
        .ifPresent(
            p ->
                c.putArray("links").add(link("#" + clauseControlId(p), "Paired with Clause " + p)));
    c.set("parts", clauseParts(clause));
    if (clause.heading()) {
      ArrayNode children = c.putArray("controls");
      for (Clause child : catalog.children(clause.id())) {
        children.add(clauseControl(catalog, child));
      }
    }
    return c;
  }

  private static ArrayNode clauseParts(Clause clause) {
    String id = clauseControlId(clause.id());
    ArrayNode parts = OscalJson.array();
    parts.add(part(id + "_ovw", "overview", false, null, escape(clause.gist())));
    DocumentedInformation info = clause.documentedInformation();
    if (info.required()) {
      String kind = info.kind().name().toLowerCase(Locale.ROOT);
      ObjectNode p = OscalJson.object();
      p.put("id", id + "_doc");
      p.put("name", "documented-information");
      p.put("ns", NS);
      p.put("title", "Documented information");
      p.putArray("props").add(ourProp("kind", kind));
      p.put("prose", bullets(info.items()));
      parts.add(p);
    }
    return parts;
  }

  private static ObjectNode areaGroup(Catalog catalog, AnnexAArea area) {
    ObjectNode g = OscalJson.object();
    g.put("id", area.id());
    g.put("class", "annex-a-area");
    g.put("title", area.title());
    g.set("props", props(catalog, area.id()));
    ArrayNode parts = g.putArray("parts");
    parts.add(part(area.id() + "_ovw", "overview", false, null, escape(area.gist())));
    List<ControlObjective> objectives = catalog.objectivesIn(area.id());
    if (objectives.size() == 1 && objectives.get(0).id().equals(area.id())) {
      parts.add(objectivePart(objectives.get(0)));
      g.set("controls", annexControls(catalog, area.id()));
    } else {
      ArrayNode sub = g.putArray("groups");
      for (ControlObjective o : objectives) {
        ObjectNode s = OscalJson.object();
        s.put("id", o.id());
        s.put("class", "annex-a-objective");
        s.put("title", o.title());
        s.set("props", props(catalog, o.id()));
        s.putArray("parts").add(objectivePart(o));
        s.set("controls", annexControls(catalog, o.id()));
        sub.add(s);
      }
    }
    return g;
  }

  private static ObjectNode objectivePart(ControlObjective o) {
    return part(o.id() + "_obj", "objective", false, "Control objective", escape(o.gist()));
  }

  private static ArrayNode annexControls(Catalog catalog, String areaOrObjectiveId) {
    ArrayNode controls = OscalJson.array();
    for (Control control : catalog.controlsIn(areaOrObjectiveId)) {
      controls.add(annexControl(catalog, control));
    }
    return controls;
  }

  private static ObjectNode annexControl(Catalog catalog, Control control) {
    String id = control.id();
    ObjectNode c = OscalJson.object();
    c.put("id", id);
    c.put("class", "annex-a-control");
    c.put("title", control.title());
    ArrayNode props = props(catalog, id);
    props.insert(1, ourProp("annex-b-guidance", control.guidanceId()));
    props.insert(2, ourProp("emphasis", control.emphasis().name().toLowerCase(Locale.ROOT)));
    c.set("props", props);
    ArrayNode links = c.putArray("links");
    for (String clause : control.supportsClauses()) {
      links.add(link("#" + clauseControlId(clause), "Helps to meet Clause " + clause));
    }
    ArrayNode parts = c.putArray("parts");
    parts.add(part(id + "_ovw", "overview", false, "Purpose", escape(control.purpose())));
    ObjectNode guidance = part(id + "_gdn", "guidance", false, "Implementation guidance", null);
    guidance
        .putArray("parts")
        .add(
            part(
                id + "_gdn.req",
                "requirements",
                true,
                "What the organisation must have",
                bullets(control.requirements())))
        .add(
            part(
                id + "_gdn.stp",
                "implementation-steps",
                true,
                "Implementation steps",
                bullets(control.implementationSteps())));
    parts.add(guidance);
    ObjectNode method =
        part(id + "_asm", "assessment-method", false, "Evidence an auditor asks for", null);
    ObjectNode examine = OscalJson.object();
    examine.put("name", "method");
    examine.put("value", "EXAMINE");
    method.putArray("props").add(examine);
    method
        .putArray("parts")
        .add(part(id + "_asm.obj", "assessment-objects", false, null, bullets(control.evidence())));
    parts.add(method);
    parts.add(part(id + "_tip", "audit-tips", true, "Audit tips", bullets(control.auditTips())));
    return c;
  }

  /** Returns the label prop and then one crosswalk prop per link from {@code aimsId}. */
  private static ArrayNode props(Catalog catalog, String aimsId) {
    ArrayNode props = OscalJson.array();
    ObjectNode label = OscalJson.object();
    label.put("name", "label");
    label.put("value", aimsId);
    props.add(label);
    for (Map.Entry<Framework, List<CrosswalkLink>> e : catalog.crosswalkLinks(aimsId).entrySet()) {
      for (CrosswalkLink l : e.getValue()) {
        ObjectNode p = OscalJson.object();
        p.put("name", "crosswalk");
        p.put("ns", NS);
        p.put("value", l.target());
        p.put("class", e.getKey().key());
        StringBuilder remarks =
            new StringBuilder("Relation: ")
                .append(l.relation().name().toLowerCase(Locale.ROOT))
                .append("; basis: ")
                .append(l.basis().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .append('.');
        l.note().ifPresent(n -> remarks.append(' ').append(escape(n)));
        p.put("remarks", remarks.toString());
        props.add(p);
      }
    }
    return props;
  }

  private static ObjectNode frameworkResource(Crosswalk x) {
    ObjectNode r = OscalJson.object();
    r.put("uuid", frameworkResourceUuid(x.framework()));
    r.put("title", x.framework().title());
    r.put("description", escape(x.provenance()));
    r.putArray("props").add(ourProp("framework", x.framework().key()));
    return r;
  }

  static ObjectNode ourProp(String name, String value) {
    ObjectNode p = OscalJson.object();
    p.put("name", name);
    p.put("ns", NS);
    p.put("value", value);
    return p;
  }

  private static ObjectNode link(String href, String text) {
    ObjectNode l = OscalJson.object();
    l.put("href", href);
    l.put("rel", "related");
    l.put("text", text);
    return l;
  }

  /**
   * Returns a part; {@code ours} puts its name in the SDK's namespace; null title/prose omitted.
   */
  static ObjectNode part(String id, String name, boolean ours, String title, String prose) {
    ObjectNode p = OscalJson.object();
    p.put("id", id);
    p.put("name", name);
    if (ours) {
      p.put("ns", NS);
    }
    if (title != null) {
      p.put("title", title);
    }
    if (prose != null) {
      p.put("prose", prose);
    }
    return p;
  }

  /** Returns the items as a Markdown bullet list, each escaped. */
  static String bullets(List<String> items) {
    StringBuilder b = new StringBuilder();
    for (String item : items) {
      if (b.length() > 0) {
        b.append('\n');
      }
      b.append("- ").append(escape(item));
    }
    return b.toString();
  }

  /**
   * Returns {@code text} with Markdown's inline special characters escaped, so that OSCAL tools
   * render the catalogue's plain text as written rather than as emphasis, links or code.
   */
  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if ("\\`*_[]<>#|".indexOf(ch) >= 0) {
        b.append('\\');
      }
      b.append(ch);
    }
    return b.toString();
  }
}
