package dev.aims.oscal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aims.core.soa.ImplementationStatus;
import dev.aims.core.soa.SoaEntry;
import dev.aims.core.soa.StatementOfApplicability;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an edited OSCAL system security plan back into a Statement of Applicability (Clause 6.1.3),
 * so that a team can change implementation statuses and justifications in a GRC tool and bring them
 * home: the way back from {@link SspDocument}.
 *
 * <p>From each implemented requirement it takes the implementation status, the applicability and
 * the justification ({@code remarks}); everything else (titles, owners, evidence, risks, target
 * dates, decisions, the SoA's version and approval) comes from {@code base}, the Statement of
 * Applicability the SSP was exported from. OSCAL's {@code implementation-status} prop decides: the
 * SDK's own {@code implementation-status} prop ({@link SspDocument#NS}) refines it only where it
 * agrees (it tells {@code NOT_STARTED} from {@code PLANNED}, both {@code planned} in OSCAL), and is
 * otherwise taken as left over from before a tool changed OSCAL's status. Applicability follows
 * from the status ({@code not-applicable} is an excluded control and only that), for the same
 * reason; the {@code applicable} prop must still be {@code yes} or {@code no} where present.
 */
public final class SspImport {
  private static final String OSCAL_NS = "http://csrc.nist.gov/ns/oscal";
  private static final String REQS =
      "/system-security-plan/control-implementation/implemented-requirements";

  private SspImport() {}

  /**
   * Returns {@code base} with the implementation statuses, applicability and justifications of
   * {@code ssp}, an SSP document ({@code {"system-security-plan": {...}}}).
   *
   * @throws InvalidOscalException when the SSP is malformed: a missing or mistyped field, an
   *     unknown status (or {@code alternative}, which the SoA cannot hold), a control id that is
   *     neither an Annex A control nor one of {@code base}'s own, a control twice, or an entry of
   *     {@code base} with no implemented requirement; the message names the field by JSON pointer
   *     and the value
   */
  public static StatementOfApplicability soa(JsonNode ssp, StatementOfApplicability base) {
    JsonNode plan = object(ssp.path("system-security-plan"), "/system-security-plan");
    JsonNode ci =
        object(plan.path("control-implementation"), "/system-security-plan/control-implementation");
    JsonNode reqs = ci.path("implemented-requirements");
    if (!reqs.isArray()) {
      throw new InvalidOscalException(REQS, kind(reqs) + ", expected an array");
    }
    Map<String, SoaEntry> read = new LinkedHashMap<>();
    for (int i = 0; i < reqs.size(); i++) {
      String at = REQS + "/" + i;
      JsonNode req = object(reqs.get(i), at);
      String controlId = text(req.path("control-id"), at + "/control-id");
      SoaEntry was =
          base.entry(controlId)
              .orElseThrow(
                  () ->
                      new InvalidOscalException(
                          at + "/control-id",
                          "'"
                              + controlId
                              + "' is neither an Annex A control of ISO/IEC 42001:2023 nor an"
                              + " organisation-specific control of the Statement of"
                              + " Applicability "
                              + base.id()
                              + " version "
                              + base.version()));
      if (read.containsKey(was.controlId())) {
        throw new InvalidOscalException(
            at + "/control-id",
            "'" + controlId + "' has a second implemented-requirement; each control has one");
      }
      ImplementationStatus status = status(req, at);
      String justification = text(req.path("remarks"), at + "/remarks");
      read.put(
          was.controlId(),
          SoaEntry.builder()
              .from(was)
              .applicable(status != ImplementationStatus.NOT_APPLICABLE)
              .implementationStatus(status)
              .justification(justification)
              .build());
    }
    List<SoaEntry> entries = new ArrayList<>();
    for (SoaEntry e : base.entries()) {
      SoaEntry now = read.get(e.controlId());
      if (now == null) {
        throw new InvalidOscalException(
            REQS,
            "no implemented-requirement for control '"
                + e.controlId()
                + "' of the Statement of Applicability; every control needs one");
      }
      entries.add(now);
    }
    return StatementOfApplicability.builder().from(base).entries(entries).build();
  }

  private static ImplementationStatus status(JsonNode req, String at) {
    JsonNode props = req.path("props");
    if (!props.isMissingNode() && !props.isArray()) {
      throw new InvalidOscalException(at + "/props", kind(props) + ", expected an array");
    }
    String oscal = null;
    Optional<ImplementationStatus> ours = Optional.empty();
    for (int j = 0; j < props.size(); j++) {
      String p = at + "/props/" + j;
      JsonNode prop = object(props.get(j), p);
      String name = text(prop.path("name"), p + "/name");
      JsonNode nsNode = prop.path("ns");
      String ns = nsNode.isMissingNode() ? OSCAL_NS : text(nsNode, p + "/ns");
      if (OSCAL_NS.equals(ns) && name.equals("implementation-status")) {
        oscal = text(prop.path("value"), p + "/value");
        fromOscal(oscal, p + "/value");
      } else if (SspDocument.NS.equals(ns) && name.equals("implementation-status")) {
        String value = text(prop.path("value"), p + "/value");
        try {
          ours = Optional.of(ImplementationStatus.valueOf(value));
        } catch (IllegalArgumentException e) {
          throw new InvalidOscalException(
              p + "/value",
              "'"
                  + value
                  + "' is not an implementation status; expected one of "
                  + List.of(ImplementationStatus.values()));
        }
      } else if (SspDocument.NS.equals(ns) && name.equals("applicable")) {
        String value = text(prop.path("value"), p + "/value");
        if (!value.equals("yes") && !value.equals("no")) {
          throw new InvalidOscalException(
              p + "/value", "'" + value + "' is not an applicability; expected yes or no");
        }
      }
    }
    if (oscal == null) {
      throw new InvalidOscalException(
          at + "/props",
          "no implementation-status prop; expected one of implemented, partial, planned,"
              + " not-applicable");
    }
    String given = oscal;
    return ours.filter(s -> SspDocument.oscalStatus(s).equals(given))
        .orElseGet(() -> fromOscal(given, at + "/props"));
  }

  /**
   * Returns the status an OSCAL {@code implementation-status} value stands for when the SDK's own
   * prop does not refine it: {@code planned} is {@code PLANNED}.
   */
  static ImplementationStatus fromOscal(String value, String at) {
    return switch (value) {
      case "implemented" -> ImplementationStatus.IMPLEMENTED;
      case "partial" -> ImplementationStatus.IN_PROGRESS;
      case "planned" -> ImplementationStatus.PLANNED;
      case "not-applicable" -> ImplementationStatus.NOT_APPLICABLE;
      case "alternative" ->
          throw new InvalidOscalException(
              at,
              "'alternative' has no counterpart in the Statement of Applicability; use implemented"
                  + " and say how in the justification (remarks)");
      default ->
          throw new InvalidOscalException(
              at,
              "'"
                  + value
                  + "' is not an OSCAL implementation status; expected one of implemented, partial,"
                  + " planned, not-applicable");
    };
  }

  private static JsonNode object(JsonNode node, String at) {
    if (!node.isObject()) {
      throw new InvalidOscalException(at, kind(node) + ", expected an object");
    }
    return node;
  }

  private static String text(JsonNode node, String at) {
    if (!node.isTextual()) {
      throw new InvalidOscalException(at, kind(node) + ", expected a string");
    }
    if (node.asText().isBlank()) {
      throw new InvalidOscalException(at, "is blank, expected text");
    }
    return node.asText();
  }

  private static String kind(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "is missing";
    }
    return "is " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
