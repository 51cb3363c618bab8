package dev.aims.oscal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aims.core.catalog.Catalog;
import dev.aims.core.catalog.Clause;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.soa.StatementOfApplicability;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The organisation's OSCAL 1.1.2 profile ({@code profile.json}): its selection from the ISO/IEC
 * 42001 catalogue ({@link CatalogDocument}, imported as {@code catalog.json}), made by its
 * Statement of Applicability (Clause 6.1.3).
 *
 * <ul>
 *   <li>Clauses 4 to 10 are always included: every {@code clause-*} control, headings and their
 *       sub-clauses alike, since certification requires all of them.
 *   <li>The applicable Annex A controls are included by id ({@code include-controls}); the excluded
 *       ones are named in {@code exclude-controls}, so that the document says they are left out
 *       rather than forgotten.
 *   <li>Each SoA entry's justification is kept where a GRC tool shows it: for an included control,
 *       as an {@code applicability} part (our namespace) that {@code modify.alters} adds to the
 *       control, so the resolved catalogue carries why the control applies; for an excluded control
 *       (absent from the resolved catalogue) as a {@code soa-exclusion} prop of the profile's
 *       metadata, value the control id, remarks the justification.
 *   <li>Organisation-specific controls ({@code ORG.1}) are not in the catalogue, and an OSCAL
 *       profile cannot add controls, so each is a {@code soa-organisation-control} prop of the
 *       metadata: value the id, remarks its title, applicability and justification. The SSP
 *       describes their implementation.
 *   <li>{@code merge.as-is} keeps the catalogue's groups in the resolved catalogue; the metadata
 *       version is the SoA's version, and its approval day, when approved, a {@code
 *       soa-approved-on} prop. The approver's name is left out (personal data).
 * </ul>
 *
 * <p>Pure and deterministic: the same statement, organisation and day give the same bytes.
 */
public final class ProfileDocument {
  /** The document's file name, which the SSP imports. */
  public static final String FILE_NAME = "profile.json";

  private ProfileDocument() {}

  /**
   * Returns the profile document ({@code {"profile": {...}}}) of the records' Statement of
   * Applicability, titled with the records' organisation name.
   *
   * @throws IllegalArgumentException when the records hold no Statement of Applicability
   */
  public static ObjectNode of(AimsRecords records, LocalDate asOf) {
    StatementOfApplicability soa =
        records
            .soa()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "records.soa: the records hold no Statement of Applicability, which the"
                            + " profile is made from"));
    return of(soa, records.organisationName(), asOf);
  }

  /**
   * Returns the profile document ({@code {"profile": {...}}}) of {@code soa} for {@code
   * organisation}, dated {@code asOf} ({@code last-modified} at midnight UTC).
   */
  public static ObjectNode of(StatementOfApplicability soa, String organisation, LocalDate asOf) {
    Objects.requireNonNull(soa, "soa");
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(asOf, "asOf");
    Catalog catalog = Catalog.standard();
    ObjectNode p = OscalJson.object();
    p.put("uuid", OscalIds.of("profile", "profile", organisation, soa.id()));
    ObjectNode metadata =
        OscalJson.metadata(
            organisation
                + ": ISO/IEC 42001:2023 profile (Statement of Applicability "
                + soa.id()
                + ")",
            asOf,
            soa.version());
    ArrayNode props = OscalJson.array();
    soa.approvedOn()
        .ifPresent(d -> props.add(CatalogDocument.ourProp("soa-approved-on", d.toString())));
    for (SoaEntry e : soa.annexAEntries()) {
      if (!e.applicable()) {
        ObjectNode x = CatalogDocument.ourProp("soa-exclusion", e.controlId());
        x.put("remarks", CatalogDocument.escape(e.justification()));
        props.add(x);
      }
    }
    for (SoaEntry e : soa.organisationEntries()) {
      ObjectNode x = CatalogDocument.ourProp("soa-organisation-control", e.controlId());
      x.put(
          "remarks",
          CatalogDocument.escape(
              e.displayTitle()
                  + (e.applicable() ? " (applicable): " : " (excluded): ")
                  + e.justification()));
      props.add(x);
    }
    if (!props.isEmpty()) {
      metadata.set("props", props);
    }
    metadata.put(
        "remarks",
        "The organisation's selection from the ISO/IEC 42001:2023 catalogue, from its Statement of"
            + " Applicability: Clauses 4 to 10 in full, the applicable Annex A controls with why"
            + " they apply, and each excluded control with why it does not (soa-exclusion).");
    p.set("metadata", metadata);

    List<SoaEntry> applicable = soa.annexAEntries().stream().filter(SoaEntry::applicable).toList();
    List<SoaEntry> excluded = soa.annexAEntries().stream().filter(e -> !e.applicable()).toList();
    ObjectNode imp = OscalJson.object();
    imp.put("href", CatalogDocument.FILE_NAME);
    ArrayNode withIds = OscalJson.array();
    for (Clause c : catalog.clauses()) {
      if (c.parentId().isPresent()) {
        withIds.add(CatalogDocument.clauseControlId(c.id()));
      }
    }
    applicable.forEach(e -> withIds.add(e.controlId()));
    imp.putArray("include-controls").addObject().set("with-ids", withIds);
    if (!excluded.isEmpty()) {
      ArrayNode out = imp.putArray("exclude-controls").addObject().putArray("with-ids");
      excluded.forEach(e -> out.add(e.controlId()));
    }
    p.putArray("imports").add(imp);
    p.putObject("merge").put("as-is", true);
    if (!applicable.isEmpty()) {
      ArrayNode alters = p.putObject("modify").putArray("alters");
      for (SoaEntry e : applicable) {
        ObjectNode alter = alters.addObject();
        alter.put("control-id", e.controlId());
        ObjectNode add = alter.putArray("adds").addObject();
        add.put("position", "ending");
        add.putArray("parts")
            .add(
                CatalogDocument.part(
                    e.controlId() + "_soa",
                    "applicability",
                    true,
                    "Why it applies (Statement of Applicability)",
                    CatalogDocument.escape(e.justification())));
      }
    }
    ObjectNode root = OscalJson.object();
    root.set("profile", p);
    return root;
  }

  /** Returns {@link #of(StatementOfApplicability, String, LocalDate)} as JSON text. */
  public static String toJson(StatementOfApplicability soa, String organisation, LocalDate asOf) {
    return OscalJson.write(of(soa, organisation, asOf));
  }
}
