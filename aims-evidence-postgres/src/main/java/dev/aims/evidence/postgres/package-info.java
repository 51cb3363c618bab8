/**
 * One evidence log for many service instances, on PostgreSQL: {@link
 * dev.aims.evidence.postgres.PostgresLogStore} (the log) and {@link
 * dev.aims.evidence.postgres.PostgresOpeningStore} (the erasable openings), built from a {@link
 * javax.sql.DataSource} the host already has.
 *
 * <h2>The design</h2>
 *
 * <p><b>Sequencing and integration in one transaction.</b> Each instance keeps its own group commit
 * (the evidence log's writer thread drains a batch of records). A batch is stored by one
 * transaction:
 *
 * <ol>
 *   <li>{@code SET LOCAL synchronous_commit TO on}: the commit waits for the WAL flush whatever the
 *       server's default, so that an acknowledged record survives a crash of the database too.
 *   <li>{@code pg_advisory_xact_lock(0x41494D53, log_id)}: the writers of one log take turns; the
 *       lock belongs to the transaction and is released by its commit, its rollback or the death of
 *       its connection, so a killed process never leaves it held.
 *   <li>The log's size is read as {@code max(idx) + 1} (a backward scan of the primary key).
 *   <li>The batch's leaf hashes and every tree node they complete are computed in the writer's
 *       process from the compact range at that size (the O(log n) subtree roots; cached between
 *       batches, reread in one query when another writer appended meanwhile).
 *   <li>All rows are inserted by one statement, and the transaction commits.
 * </ol>
 *
 * <p>The index of each record is therefore assigned, its tree nodes stored and the whole made
 * durable in the same commit. There is no second phase that could lag or be left half done: a
 * process killed at any moment leaves either its whole batch or nothing, and nothing another
 * instance must finish. Transparency logs on relational databases split the work differently:
 * Trillian queues leaves in a table that one elected sequencer assigns and integrates in batches;
 * Tessera's PostgreSQL and AWS drivers sequence batches under a row lock and integrate the tree in
 * a separate step. Both serve logs far larger and more public than an evidence log; for a fleet of
 * a service's instances, hashing a batch under the lock costs microseconds, and folding the
 * integration into the sequencing transaction removes the coordinator and the recovery of a
 * half-integrated tree. The lock's hold time is one round trip for the insert plus the commit's WAL
 * flush, and every transaction carries a whole batch, so the log's throughput grows with the batch
 * size while instances queue on the lock.
 *
 * <p><b>Checkpoints never fork.</b> An instance signs a checkpoint under the same lock ({@link
 * dev.aims.evidence.postgres.PostgresLogStore#appendCheckpoint(String,
 * java.util.function.UnaryOperator)}): it reads the size, computes the root at that size from the
 * stored nodes, signs, and inserts the note as the next of the history, unless the latest
 * checkpoint already covers the log. Sizes in the history never decrease, and the root at a size is
 * a function of the stored entries, which no writer changes: two checkpoints of one size always
 * have one root, and each checkpoint extends the one before it. Every instance holds the same
 * signer key (one verifier key for the log); Ed25519 signatures are deterministic, so even two
 * notes for one size are byte for byte the same.
 *
 * <p><b>Reads stay off the writers' path.</b> The writers' lock is an advisory lock, not a row
 * lock: readers (proofs, verification, export, the auditor's copy) take no lock at all and read
 * committed rows by primary key or through a server-side cursor in constant memory, so that an
 * auditor's full verification never blocks an append, and a slow append never blocks a proof.
 *
 * <h2>The tables</h2>
 *
 * <p>Created and upgraded by Flyway migrations ({@link dev.aims.evidence.postgres.PostgresSchema},
 * history in {@code aims_schema_history}, apart from the host's own migrations):
 *
 * <ul>
 *   <li>{@code aims_log(log_id, origin, created_at)}: one row per log; any number of logs (origins)
 *       share a database and never see each other's rows.
 *   <li>{@code aims_entry(log_id, idx, entry, hashes)}: one row per record. {@code entry} is the
 *       record's exact canonical bytes; {@code hashes} its leaf hash followed by the hash of every
 *       full subtree the leaf completes, smallest first, so that the node at level L and index I is
 *       found in one row, {@code idx = (I + 1) * 2^L - 1}: a proof reads O(log n) rows by primary
 *       key and nothing is ever rehashed. One row per record keeps the insert to one statement.
 *   <li>{@code aims_checkpoint(log_id, seq, size, note, signed_at)}: the signed checkpoints, in the
 *       order signed.
 *   <li>{@code aims_opening(log_id, commitment, salt, value)}: the erasable openings.
 * </ul>
 *
 * <p>Entries and checkpoints are insert-only: no statement of the store updates or deletes them,
 * and the service's role needs no privilege to (the README lists the GRANTs). Only openings are
 * deleted, by erasure.
 *
 * <h2>Failures</h2>
 *
 * <p>Every database failure propagates as an {@link java.io.IOException} naming the log, the
 * operation and the SQLSTATE, never a row's values. A commit whose outcome is unknown (the
 * connection died during {@code COMMIT}) is reported as a failure: the record was not acknowledged,
 * and may or may not be in the log; an acknowledged record is always there exactly once.
 */
package dev.aims.evidence.postgres;
