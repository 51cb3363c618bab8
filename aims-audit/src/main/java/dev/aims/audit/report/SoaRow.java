package dev.aims.audit.report;

import dev.aims.assessment.coverage.EvidenceCoverage;
import dev.aims.core.soa.ImplementationStatus;
import dev.aims.core.soa.SoaEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the Statement of Applicability in the lead auditor's column layout: Control ID,
 * Control Name, Applicable, Justification, Implementation Status, Evidence Reference (Clause 6.1.3
 * d). The audit pack writes these rows as Markdown, JSON and HTML.
 *
 * @param controlId the Annex A control id, e.g. {@code A.6.2.8}
 * @param controlName the control's title
 * @param applicable whether the control is applicable
 * @param justification why it is included or excluded
 * @param implementationStatus how far it is implemented
 * @param evidenceReference the entry's own evidence, then the evidence log's records that cite the
 *     control, joined with "; "; empty when there is none
 */
public record SoaRow(
    String controlId,
    String controlName,
    boolean applicable,
    String justification,
    ImplementationStatus implementationStatus,
    String evidenceReference) {

  /** Builds the row of {@code entry}, taking the log's evidence for it from {@code coverage}. */
  public static SoaRow of(SoaEntry entry, EvidenceCoverage coverage) {
    List<String> refs = new ArrayList<>(entry.evidence());
    coverage.reference(entry.controlId()).ifPresent(refs::add);
    return new SoaRow(
        entry.controlId(),
        entry.displayTitle(),
        entry.applicable(),
        entry.justification(),
        entry.implementationStatus(),
        String.join("; ", refs));
  }
}
