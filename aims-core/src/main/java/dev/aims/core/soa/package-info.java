/**
 * The Statement of Applicability (Clause 6.1.3): one entry per Annex A control saying whether it
 * applies, why, how far it is implemented, the evidence and the risks that chose it.
 *
 * <p>Build a {@link dev.aims.core.soa.StatementOfApplicability} with its builder or read it from
 * JSON; it refuses to exist unless it covers all 38 Annex A controls exactly once. Controls of the
 * organisation's own design are kept in the same list, marked as organisation-specific.
 */
package dev.aims.core.soa;
