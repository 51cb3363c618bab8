/**
 * Validation of AIMS records against their declared Jakarta constraints.
 *
 * <p>{@link dev.aims.core.validation.RecordValidator} wraps the one Hibernate Validator factory of
 * the SDK, configured to read accessor-style properties ({@code systemId()}); it reports every
 * violation of a record at once in an {@link dev.aims.core.validation.InvalidRecordException}.
 * {@link dev.aims.core.validation.Invariants} adds a record's cross-field invariants and unknown
 * catalogue ids to those violations, so that {@code build()} reports all of them together.
 */
package dev.aims.core.validation;
