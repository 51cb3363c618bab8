/**
 * Where the AIMS records meet the evidence log: the audit pack as a published format (write and
 * verify, with typed problems), the reports rendered from templates, evidence coverage per Annex A
 * control and AI system, and auditor sampling with inclusion proofs.
 *
 * <p>This module sits above {@code aims-assessment} and {@code aims-evidence} and is the only place
 * where the two meet; the command line only parses options and prints what it returns.
 */
package dev.aims.audit;
