package dev.aims.assessment.soa;

/**
 * A control whose applicability in a kept Statement of Applicability differs from the proposal
 * (Clause 6.1.3). Not necessarily wrong: the organisation decides, but the justification should
 * answer the proposal's reasons.
 *
 * @param controlId the Annex A control id
 * @param proposedApplicable what the proposal says
 * @param keptApplicable what the kept statement says
 * @param proposalReason the proposal's justification
 */
public record SoaDifference(
    String controlId, boolean proposedApplicable, boolean keptApplicable, String proposalReason) {}
