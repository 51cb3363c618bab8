package dev.aims.oscal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.records.Organisation;
import dev.aims.core.scope.AimsScope;
import dev.aims.core.soa.ImplementationStatus;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.soa.StatementOfApplicability;
import dev.aims.core.system.AiSystem;
import dev.aims.core.system.DataSource;
import dev.aims.core.system.SystemStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The OSCAL system security plan ({@code ssp.json}) of the AI management system: the AIMS scope as
 * the system characteristics, the AI systems of the register as components, and one implemented
 * requirement per entry of the Statement of Applicability (Clause 6.1.3).
 *
 * <p>Each implemented requirement carries, for its control:
 *
 * <ul>
 *   <li>OSCAL's {@code implementation-status} prop ({@link #oscalStatus}), and, because OSCAL's
 *       {@code planned} stands for both {@code NOT_STARTED} and {@code PLANNED}, the exact {@link
 *       ImplementationStatus} name as prop {@code implementation-status} in {@link #NS};
 *   <li>prop {@code applicable} ({@code yes}/{@code no}) in {@link #NS};
 *   <li>the justification, verbatim, as the requirement's {@code remarks};
 *   <li>the entry's owner as responsible role {@code control-owner}, a party of the metadata;
 *   <li>each evidence reference of the entry and the evidence log's reference for the control
 *       ({@link EvidenceCoverage#reference}) as a back-matter resource, linked with {@code rel}
 *       {@code reference} ({@code evidence} resources are the entry's, {@code evidence-log} the
 *       log's, told apart by the resource prop {@code evidence-kind} in {@link #NS});
 *   <li>each risk id as prop {@code risk-id} in {@link #NS}.
 * </ul>
 *
 * <p>Annex A controls keep their id as {@code control-id}. An organisation-specific control (e.g.
 * {@code ORG.1}, always a valid OSCAL token) keeps its id too, with props {@code
 * organisation-specific} = {@code true} and {@code control-title} in {@link #NS}, since the
 * imported profile has no such control.
 *
 * <p>Placeholders, where the records lack what the OSCAL schema requires: without a scope record
 * the description and authorization boundary say that no scope is recorded; without AI systems the
 * system information holds one information type for the AIMS records themselves; the system's
 * status is {@code operational} when an in-scope AI system is in operation, {@code
 * under-development} when one is planned or being built, otherwise {@code other} with a remark. The
 * one system user is the holder of the {@code control-owner} role. The document's version is the
 * SoA's version.
 */
public final class SspDocument {
  /** The namespace of the SDK's own props. */
  public static final String NS = "https://aims.dev/ns/oscal";

  /** The role of the person responsible for a control. */
  static final String OWNER_ROLE = "control-owner";

  private static final Pattern ONE_LINE = Pattern.compile("\\S(.*\\S)?");

  private SspDocument() {}

  /**
   * Returns the whole SSP ({@code {"system-security-plan": {...}}}) for {@code records} as of
   * {@code asOf}, with the evidence log's references from {@code coverage} ({@link
   * EvidenceCoverage#none()} when there is no log).
   *
   * @throws IllegalArgumentException when the records hold no Statement of Applicability, which an
   *     SSP's control implementation cannot do without
   */
  public static ObjectNode of(AimsRecords records, LocalDate asOf, EvidenceCoverage coverage) {
    StatementOfApplicability soa =
        records
            .soa()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "records.soa: no Statement of Applicability to write an SSP from"));
    String org = records.organisationName();
    ArrayList<ObjectNode> resources = new ArrayList<>();
    ObjectNode ssp = OscalJson.object();
    ssp.put("uuid", OscalIds.of("ssp", org));
    ssp.set("metadata", metadata(records, soa, asOf));
    ssp.set("import-profile", OscalJson.object().put("href", "profile.json"));
    ssp.set("system-characteristics", characteristics(records));
    ssp.set("system-implementation", implementation(records));
    ObjectNode ci = OscalJson.object();
    ci.put(
        "description",
        "The controls of the Statement of Applicability "
            + soa.id()
            + " version "
            + soa.version()
            + " of "
            + org
            + ": whether each applies, why, how far it is implemented, who owns it and the"
            + " evidence that shows it.");
    ArrayNode reqs = ci.putArray("implemented-requirements");
    for (SoaEntry e : soa.entries()) {
      reqs.add(requirement(e, coverage, resources));
    }
    ssp.set("control-implementation", ci);
    if (!resources.isEmpty()) {
      ssp.putObject("back-matter").putArray("resources").addAll(resources);
    }
    ObjectNode root = OscalJson.object();
    root.set("system-security-plan", ssp);
    return root;
  }

  /** Returns {@link #of} as JSON text ({@link OscalJson#write}). */
  public static String toJson(AimsRecords records, LocalDate asOf, EvidenceCoverage coverage) {
    return OscalJson.write(of(records, asOf, coverage));
  }

  /**
   * Returns OSCAL's {@code implementation-status} value for {@code status}: {@code NOT_STARTED} and
   * {@code PLANNED} are both {@code planned} (the {@link #NS} prop tells them apart), {@code
   * IN_PROGRESS} is {@code partial}, {@code IMPLEMENTED} {@code implemented}, {@code
   * NOT_APPLICABLE} {@code not-applicable}.
   */
  public static String oscalStatus(ImplementationStatus status) {
    return switch (status) {
      case NOT_STARTED, PLANNED -> "planned";
      case IN_PROGRESS -> "partial";
      case IMPLEMENTED -> "implemented";
      case NOT_APPLICABLE -> "not-applicable";
    };
  }

  private static ObjectNode metadata(
      AimsRecords records, StatementOfApplicability soa, LocalDate asOf) {
    String org = records.organisationName();
    ObjectNode m =
        OscalJson.metadata(
            "System security plan of the AI management system of " + org, asOf, soa.version());
    ArrayNode roles = m.putArray("roles");
    roles.add(role(OWNER_ROLE, "Control owner"));
    roles.add(role("soa-approver", "Approver of the Statement of Applicability"));
    roles.add(role("top-management", "Top management"));
    roles.add(role("aims-manager", "AI management system manager"));
    ArrayNode parties = m.putArray("parties");
    parties.add(party(org, "organization"));
    Set<String> people = new LinkedHashSet<>();
    Optional<Organisation> facts = records.organisation();
    facts.flatMap(Organisation::topManagement).ifPresent(people::add);
    facts.flatMap(Organisation::aimsManager).ifPresent(people::add);
    soa.approvedBy().ifPresent(people::add);
    soa.entries().forEach(e -> e.owner().ifPresent(people::add));
    people.forEach(p -> parties.add(party(p, "person")));
    ArrayNode rp = OscalJson.array();
    facts
        .flatMap(Organisation::topManagement)
        .ifPresent(p -> rp.add(responsible("top-management", List.of(p))));
    facts
        .flatMap(Organisation::aimsManager)
        .ifPresent(p -> rp.add(responsible("aims-manager", List.of(p))));
    soa.approvedBy().ifPresent(p -> rp.add(responsible("soa-approver", List.of(p))));
    List<String> owners =
        soa.entries().stream().flatMap(e -> e.owner().stream()).distinct().toList();
    if (!owners.isEmpty()) {
      rp.add(responsible(OWNER_ROLE, owners));
    }
    if (!rp.isEmpty()) {
      m.set("responsible-parties", rp);
    }
    return m;
  }

  private static ObjectNode role(String id, String title) {
    return OscalJson.object().put("id", id).put("title", title);
  }

  private static ObjectNode party(String name, String type) {
    return OscalJson.object()
        .put("uuid", partyUuid(name))
        .put("type", type)
        .put("name", oneLine(name));
  }

  static String partyUuid(String name) {
    return OscalIds.of("ssp", "party", name);
  }

  private static ObjectNode responsible(String roleId, List<String> people) {
    ObjectNode r = OscalJson.object().put("role-id", roleId);
    ArrayNode uuids = r.putArray("party-uuids");
    people.forEach(p -> uuids.add(partyUuid(p)));
    return r;
  }

  private static ObjectNode characteristics(AimsRecords records) {
    String org = records.organisationName();
    Optional<AimsScope> scope = records.scope();
    ObjectNode c = OscalJson.object();
    c.putArray("system-ids")
        .add(
            OscalJson.object()
                .put("identifier-type", "https://ietf.org/rfc/rfc4122")
                .put("id", OscalIds.of("ssp", "system", org)));
    c.put("system-name", "AI management system of " + org);
    c.put("system-name-short", "AIMS");
    String boundary =
        scope
            .map(AimsScope::boundaries)
            .orElse("No scope of the AI management system is recorded (Clause 4.3).");
    StringBuilder description = new StringBuilder(boundary);
    scope.ifPresent(
        s -> {
          if (!s.exclusions().isEmpty()) {
            description.append("\n\nOutside the scope:\n");
            s.exclusions().forEach(x -> description.append("\n- ").append(x));
          }
        });
    c.put("description", description.toString());
    ArrayNode types = c.putObject("system-information").putArray("information-types");
    for (AiSystem s : records.inScopeSystems()) {
      for (DataSource d : s.dataSources()) {
        ObjectNode t = types.addObject();
        t.put("uuid", OscalIds.of("ssp", "information-type", s.id(), d.name()));
        t.put("title", oneLine(s.id() + ": " + d.name()));
        t.put(
            "description",
            d.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " data of "
                + s.name()
                + ", from "
                + d.provenance()
                + (d.containsPersonalData() ? "; holds personal data." : "; no personal data."));
      }
    }
    if (types.isEmpty()) {
      types
          .addObject()
          .put("uuid", OscalIds.of("ssp", "information-type", "aims-records"))
          .put("title", "Records of the AI management system")
          .put(
              "description",
              "The register, risk, impact and applicability records of the AI management system;"
                  + " no AI system in scope records its data sources.");
    }
    c.set("status", systemStatus(records.inScopeSystems()));
    c.putObject("authorization-boundary").put("description", boundary);
    return c;
  }

  private static ObjectNode systemStatus(List<AiSystem> systems) {
    ObjectNode st = OscalJson.object();
    if (systems.stream().anyMatch(s -> s.status() == SystemStatus.IN_OPERATION)) {
      return st.put("state", "operational");
    }
    if (systems.stream()
        .anyMatch(
            s -> s.status() == SystemStatus.PLANNED || s.status() == SystemStatus.IN_DEVELOPMENT)) {
      return st.put("state", "under-development");
    }
    return st.put("state", "other")
        .put("remarks", "No AI system in scope is in operation, planned or in development.");
  }

  private static ObjectNode implementation(AimsRecords records) {
    ObjectNode si = OscalJson.object();
    ObjectNode user = si.putArray("users").addObject();
    user.put("uuid", OscalIds.of("ssp", "user", OWNER_ROLE));
    user.put("title", "Control owners");
    user.put(
        "description",
        "The people responsible for the controls of the Statement of Applicability.");
    user.putArray("role-ids").add(OWNER_ROLE);
    ArrayNode components = si.putArray("components");
    String org = records.organisationName();
    ObjectNode self = components.addObject();
    self.put("uuid", OscalIds.of("ssp", "component", "this-system"));
    self.put("type", "this-system");
    self.put("title", "AI management system of " + org);
    self.put(
        "description",
        records
            .scope()
            .map(AimsScope::boundaries)
            .orElse("No scope of the AI management system is recorded (Clause 4.3)."));
    self.putObject("status").put("state", "operational");
    for (AiSystem s : records.systems()) {
      ObjectNode c = components.addObject();
      c.put("uuid", OscalIds.of("ssp", "component", s.id()));
      c.put("type", "software");
      c.put("title", oneLine(s.name()));
      c.put("description", s.intendedPurpose());
      ArrayNode props = c.putArray("props");
      props.add(prop("ai-system-id", s.id()));
      props.add(prop("lifecycle-stage", s.lifecycleStage().name()));
      props.add(prop("in-scope", records.inScopeSystems().contains(s) ? "yes" : "no"));
      s.roles().stream().sorted().forEach(r -> props.add(prop("ai-role", r.name())));
      c.set("status", componentStatus(s.status()));
    }
    return si;
  }

  private static ObjectNode componentStatus(SystemStatus status) {
    ObjectNode st = OscalJson.object();
    return switch (status) {
      case IN_OPERATION -> st.put("state", "operational");
      case PLANNED, IN_DEVELOPMENT -> st.put("state", "under-development");
      case RETIRED -> st.put("state", "disposition");
      case SUSPENDED -> st.put("state", "other").put("remarks", "Suspended: withdrawn for now.");
    };
  }

  private static ObjectNode requirement(
      SoaEntry e, EvidenceCoverage coverage, List<ObjectNode> resources) {
    String id = e.controlId();
    ObjectNode r = OscalJson.object();
    r.put("uuid", OscalIds.of("ssp", "implemented-requirement", id));
    r.put("control-id", id);
    ArrayNode props = r.putArray("props");
    props.add(
        OscalJson.object()
            .put("name", "implementation-status")
            .put("value", oscalStatus(e.implementationStatus())));
    props.add(prop("implementation-status", e.implementationStatus().name()));
    props.add(prop("applicable", e.applicable() ? "yes" : "no"));
    if (e.organisationSpecific()) {
      props.add(prop("organisation-specific", "true"));
      e.title().ifPresent(t -> props.add(prop("control-title", oneLine(t))));
    }
    e.riskIds().forEach(risk -> props.add(prop("risk-id", oneLine(risk))));
    e.targetDate().ifPresent(d -> props.add(prop("target-date", d.toString())));
    ArrayNode links = OscalJson.array();
    for (String ref : e.evidence()) {
      links.add(evidence(id, "evidence", ref, resources));
    }
    coverage
        .reference(id)
        .ifPresent(ref -> links.add(evidence(id, "evidence-log", ref, resources)));
    if (!links.isEmpty()) {
      r.set("links", links);
    }
    e.owner()
        .ifPresent(o -> r.putArray("responsible-roles").add(responsible(OWNER_ROLE, List.of(o))));
    r.put("remarks", e.justification());
    return r;
  }

  private static ObjectNode evidence(
      String controlId, String kind, String ref, List<ObjectNode> resources) {
    String uuid = OscalIds.of("ssp", "resource", controlId, kind, ref);
    ObjectNode res = OscalJson.object();
    res.put("uuid", uuid);
    res.put("title", oneLine(ref));
    res.putArray("props").add(prop("evidence-kind", kind));
    if (!ONE_LINE.matcher(ref).matches()) {
      res.put("remarks", ref);
    }
    resources.add(res);
    return OscalJson.object().put("href", "#" + uuid).put("rel", "reference");
  }

  private static ObjectNode prop(String name, String value) {
    return OscalJson.object().put("name", name).put("ns", NS).put("value", value);
  }

  /**
   * Returns {@code text} on one line without surrounding blanks, as OSCAL's string and markup-line
   * types require; multi-line text keeps its full form where the field allows it.
   */
  static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
