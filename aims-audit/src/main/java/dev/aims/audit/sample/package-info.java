/**
 * Auditor sampling of the evidence log: the records an auditor picks to examine, each with the
 * inclusion proof that ties it to a signed checkpoint. {@link dev.aims.audit.sample.SampledRecord}
 * is what the audit pack's report lists in its "Auditor sample" section.
 */
package dev.aims.audit.sample;
