package dev.aims.oscal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aims.core.catalog.Catalog;
import dev.aims.core.catalog.Control;
import java.util.Optional;

/**
 * The pieces the assessment plan, the assessment results and the POA&amp;M share: the SDK's
 * property namespace, its properties, the selection of every control and the OSCAL id of a clause
 * or control.
 */
final class AssessmentParts {
  /** The namespace of the SDK's own properties. */
  static final String NS = "https://aims.dev/ns/oscal";

  private AssessmentParts() {}

  /** Returns a property of the SDK's namespace. */
  static ObjectNode prop(String name, String value) {
    ObjectNode p = OscalJson.object();
    p.put("name", name);
    p.put("ns", NS);
    p.put("value", value);
    return p;
  }

  /**
   * Returns a {@code reviewed-controls} that selects every control of the imported profile: the gap
   * analysis judges every clause and every Annex A control, applicable or not.
   */
  static ObjectNode reviewedControls() {
    ObjectNode reviewed = OscalJson.object();
    reviewed.put(
        "description",
        "Every leaf clause of Clauses 4 to 10 and every Annex A control of ISO/IEC 42001:2023.");
    ArrayNode selections = reviewed.putArray("control-selections");
    selections.addObject().putObject("include-all");
    return reviewed;
  }

  /**
   * Returns the OSCAL control id of a clause or an Annex A control of the catalogue ({@code 6.1.4}
   * becomes {@code clause-6.1.4}, {@code A.6.2.8} stays), or empty for any other reference (a risk
   * id, an organisation-specific control).
   */
  static Optional<String> controlId(String ref) {
    Catalog catalog = Catalog.standard();
    return catalog
        .findControl(ref)
        .map(Control::id)
        .or(() -> catalog.findClause(ref).map(c -> "clause-" + c.id()));
  }
}
