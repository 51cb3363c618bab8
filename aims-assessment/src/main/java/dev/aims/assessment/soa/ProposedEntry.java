package dev.aims.assessment.soa;

import java.util.List;
import java.util.Set;

/**
 * One proposed line of the Statement of Applicability (Clause 6.1.3), before a person decides.
 *
 * @param controlId the Annex A control id, e.g. {@code A.10.3}
 * @param title the control's title in the standard
 * @param applicable whether the control is proposed as applicable
 * @param justification why, in words that name the roles, systems and risks behind it
 * @param bases the reasons for inclusion; empty when the control is proposed as excluded
 * @param riskIds the ids of the risks whose treatment chose the control, sorted
 */
public record ProposedEntry(
    String controlId,
    String title,
    boolean applicable,
    String justification,
    Set<ApplicabilityBasis> bases,
    List<String> riskIds) {
  /** Copies the collections. */
  public ProposedEntry {
    bases = Set.copyOf(bases);
    riskIds = List.copyOf(riskIds);
  }
}
