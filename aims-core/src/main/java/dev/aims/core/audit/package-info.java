/**
 * Internal audit records (Clause 9.2): the audit programme with its planned audits (9.2.2) and the
 * audit reports with their findings, each finding citing the clauses and Annex A controls it
 * concerns.
 *
 * <p>Findings that are nonconformities feed {@code dev.aims.core.improvement.Nonconformity} (Clause
 * 10.2) through {@link dev.aims.core.audit.AuditFinding#nonconformityId()}.
 */
package dev.aims.core.audit;
