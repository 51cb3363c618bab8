package dev.aims.oscal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aims.assessment.roadmap.Roadmap;
import dev.aims.assessment.roadmap.RoadmapAction;
import dev.aims.core.records.AimsRecords;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The OSCAL plan of action and milestones ({@code poam.json}) of an AIMS: the remediation roadmap
 * ({@link dev.aims.assessment.roadmap.RoadmapPlanner}) as one POA&amp;M item per roadmap action, in
 * the roadmap's rank order, importing the system security plan ({@code ssp.json}).
 *
 * <p>An item's title is the clause, control or risk it serves and its title; its description is the
 * action and the gaps behind it; its properties (namespace {@code https://aims.dev/ns/oscal}) are
 * the {@code horizon} (as the roadmap spells it, e.g. {@code 30 days}), the {@code due} day, the
 * {@code priority}, the {@code rag} status, the {@code rank}, the {@code timing} (the planner's
 * rule that placed it), the {@code ref} and, for a clause or an Annex A control, its OSCAL {@code
 * control-id}, by which it meets the assessment results' finding on the same clause or control
 * (OSCAL's {@code related-findings} would have to name a finding of this document, so it is left
 * out).
 *
 * <p>OSCAL requires at least one item; a roadmap without actions (every clause and control green,
 * no risk beyond the criteria) gives a single item titled "No open actions" with the property
 * {@code open-actions} 0, so that the document stays valid and says why it is empty. Pure and
 * deterministic: an item's UUID is named by its reference, not its rank, so adding an action
 * changes no other item's UUID.
 */
public final class PoamDocument {
  /** The file name of the POA&amp;M. */
  public static final String FILE = "poam.json";

  private PoamDocument() {}

  /**
   * Returns the POA&amp;M of {@code roadmap}: {@code {"plan-of-action-and-milestones": {...}}}.
   *
   * @throws IllegalArgumentException when the roadmap starts on another day than {@code asOf}, or
   *     two of its actions serve the same reference
   */
  public static ObjectNode of(AimsRecords records, LocalDate asOf, Roadmap roadmap) {
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(roadmap, "roadmap");
    if (!roadmap.start().equals(asOf)) {
      throw new IllegalArgumentException(
          "roadmap: it starts on " + roadmap.start() + ", the POA&M is as of " + asOf);
    }
    Set<String> refs = new HashSet<>();
    for (RoadmapAction a : roadmap.actions()) {
      if (!refs.add(a.ref())) {
        throw new IllegalArgumentException("roadmap: two actions serve " + a.ref());
      }
    }
    ObjectNode poam = OscalJson.object();
    poam.put("uuid", OscalIds.of("poam", "document", asOf.toString()));
    poam.set(
        "metadata",
        OscalJson.metadata(
            "Plan of action and milestones of the AI management system of "
                + records.organisationName()
                + " as of "
                + asOf,
            asOf,
            asOf.toString()));
    poam.putObject("import-ssp").put("href", "ssp.json");
    ArrayNode items = poam.putArray("poam-items");
    for (RoadmapAction a : roadmap.actions()) {
      items.add(item(a));
    }
    if (items.isEmpty()) {
      ObjectNode none = items.addObject();
      none.put("uuid", OscalIds.of("poam", "poam-item", "none"));
      none.put("title", "No open actions");
      none.put(
          "description",
          "The roadmap has no actions: every clause and control is green and no risk is beyond"
              + " the organisation's criteria.");
      none.putArray("props").add(AssessmentParts.prop("open-actions", "0"));
    }
    ObjectNode root = OscalJson.object();
    root.set("plan-of-action-and-milestones", poam);
    return root;
  }

  /** Returns the POA&amp;M as OSCAL JSON text (see {@link #of}). */
  public static String toJson(AimsRecords records, LocalDate asOf, Roadmap roadmap) {
    return OscalJson.write(of(records, asOf, roadmap));
  }

  private static ObjectNode item(RoadmapAction a) {
    ObjectNode item = OscalJson.object();
    item.put("uuid", OscalIds.of("poam", "poam-item", a.ref()));
    item.put("title", a.ref() + " " + a.title());
    StringBuilder text = new StringBuilder(a.action());
    if (!a.reasons().isEmpty()) {
      text.append("\n\nBecause:\n");
      a.reasons().forEach(r -> text.append("\n- ").append(r));
    }
    item.put("description", text.toString());
    ArrayNode props = item.putArray("props");
    props.add(AssessmentParts.prop("horizon", a.horizon().label()));
    props.add(AssessmentParts.prop("due", a.due().toString()));
    props.add(AssessmentParts.prop("priority", a.priority().label()));
    props.add(AssessmentParts.prop("rag", a.status().label()));
    props.add(AssessmentParts.prop("rank", Integer.toString(a.rank())));
    props.add(AssessmentParts.prop("timing", a.timing()));
    props.add(AssessmentParts.prop("ref", a.ref()));
    AssessmentParts.controlId(a.ref())
        .ifPresent(id -> props.add(AssessmentParts.prop("control-id", id)));
    return item;
  }
}
