/**
 * Improvement records (Clause 10): nonconformities and the corrective actions taken on them (Clause
 * 10.2), and the continual improvement register (Clause 10.1).
 *
 * <p>Records link by id: a {@link dev.aims.core.improvement.CorrectiveAction} names its
 * nonconformity, a {@link dev.aims.core.improvement.Nonconformity} names the audit report or
 * incident it came from. Date arguments ({@code isOverdue(today)}) keep the types free of clocks.
 */
package dev.aims.core.improvement;
