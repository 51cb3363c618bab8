/**
 * Validation of AIMS records against their declared Jakarta constraints.
 *
 * <p>{@link dev.aims.core.validation.RecordValidator} wraps the one Hibernate Validator factory of
 * the SDK, configured to read accessor-style properties ({@code systemId()}); it reports every
 * violation of a record at once in an {@link dev.aims.core.validation.InvalidRecordException}.
 */
package dev.aims.core.validation;
