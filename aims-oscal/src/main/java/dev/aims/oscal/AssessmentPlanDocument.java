package dev.aims.oscal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aims.core.records.AimsRecords;
import dev.aims.core.system.AiSystem;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The OSCAL assessment plan ({@code assessment-plan.json}) of an AIMS assessment as of one day: it
 * imports the system security plan ({@code ssp.json}), reviews every control of the profile (the
 * gap analysis judges every leaf clause of Clauses 4 to 10 and every Annex A control), names the AI
 * management system and the AI systems in its scope as the subject, and plans one task on the as-of
 * day: the gap analysis, the readiness checklists and, with an evidence log, its coverage and a
 * sample of its records. The results of that task are {@link AssessmentResultsDocument}.
 *
 * <p>The subject is every component of the imported SSP ({@code include-all}), so the plan does not
 * depend on how the SSP names its components. Pure and deterministic: UUIDs are name-based and the
 * only date is the as-of day.
 */
public final class AssessmentPlanDocument {
  /** The file name other documents import this one by. */
  public static final String FILE = "assessment-plan.json";

  private AssessmentPlanDocument() {}

  /**
   * Returns the assessment plan of {@code records} as of {@code asOf}: {@code {"assessment-plan":
   * {...}}}.
   */
  public static ObjectNode of(AimsRecords records, LocalDate asOf) {
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(asOf, "asOf");
    String org = records.organisationName();
    ObjectNode plan = OscalJson.object();
    plan.put("uuid", OscalIds.of("ap", "document", asOf.toString()));
    plan.set(
        "metadata",
        OscalJson.metadata(
            "Assessment plan of the AI management system of " + org + " as of " + asOf,
            asOf,
            asOf.toString()));
    plan.putObject("import-ssp").put("href", "ssp.json");
    plan.set("reviewed-controls", AssessmentParts.reviewedControls());
    ArrayNode subjects = plan.putArray("assessment-subjects");
    ObjectNode subject = subjects.addObject();
    subject.put("type", "component");
    subject.put("description", subjectDescription(records, org));
    subject.putObject("include-all");
    ArrayNode tasks = plan.putArray("tasks");
    ObjectNode task = tasks.addObject();
    task.put("uuid", OscalIds.of("ap", "task", "assessment"));
    task.put("type", "action");
    task.put("title", "Gap analysis and certification readiness");
    task.put(
        "description",
        "Judge every leaf clause of Clauses 4 to 10 and every Annex A control from the records"
            + " (red, amber or green), work through the Stage 1 and Stage 2 readiness checklists"
            + " and, when an evidence log is given, examine its coverage of the controls and a"
            + " sample of its records with their inclusion proofs.");
    task.putObject("timing").putObject("on-date").put("date", OscalJson.timestamp(asOf));
    return wrap(plan);
  }

  /** Returns the assessment plan as OSCAL JSON text (see {@link #of}). */
  public static String toJson(AimsRecords records, LocalDate asOf) {
    return OscalJson.write(of(records, asOf));
  }

  private static String subjectDescription(AimsRecords records, String org) {
    StringBuilder text = new StringBuilder("The AI management system of ").append(org);
    List<String> inScope = records.inScopeSystems().stream().map(AiSystem::id).toList();
    if (inScope.isEmpty()) {
      return text.append('.').toString();
    }
    return text.append(" and the AI systems in its scope: ")
        .append(String.join(", ", inScope))
        .append('.')
        .toString();
  }

  private static ObjectNode wrap(ObjectNode plan) {
    ObjectNode root = OscalJson.object();
    root.set("assessment-plan", plan);
    return root;
  }
}
