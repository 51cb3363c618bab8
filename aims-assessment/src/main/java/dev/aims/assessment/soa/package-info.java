/**
 * Statement of Applicability work (Clause 6.1.3): a proposal of which Annex A controls apply,
 * derived from the organisation's roles and risk treatment, the review in which a person confirms
 * or changes it, and checks of a kept statement against the risk register.
 *
 * <p>Start at {@link dev.aims.assessment.soa.SoaProposer#propose}; call {@code review()} on the
 * proposal, make changes, and {@code confirm} it to obtain the {@link
 * dev.aims.core.soa.StatementOfApplicability} to keep. Everything here is pure: the same records
 * give the same proposal, and dates are arguments.
 */
package dev.aims.assessment.soa;
