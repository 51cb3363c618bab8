package dev.aims.evidence;

import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.privacy.Commitment;
import dev.aims.evidence.privacy.Opening;
import dev.aims.evidence.record.EvidenceRecord;
import dev.aims.evidence.record.LoggedRecord;
import dev.aims.evidence.record.RecordQuery;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

/** The log that stores nothing: no thread, no file, no allocation per call. */
enum NoopEvidenceLog implements EvidenceLog {
  INSTANCE;

  /** The commitment the no-op log returns: it commits to nothing and cannot be opened. */
  private static final Commitment NOTHING = new Commitment("0".repeat(64));

  // Shared safely: a minimal stage cannot be completed or obtruded by its holders.
  private static final CompletionStage<Receipt> DISCARDED =
      CompletableFuture.completedStage(Receipt.DISCARDED);

  @Override
  public Receipt append(EvidenceRecord record) {
    Objects.requireNonNull(record, "record");
    return Receipt.DISCARDED;
  }

  @Override
  public CompletionStage<Receipt> appendAsync(EvidenceRecord record) {
    Objects.requireNonNull(record, "record");
    return DISCARDED;
  }

  @Override
  public Commitment commit(Object value) {
    Objects.requireNonNull(value, "value must not be null: a commitment is to a JSON value");
    return NOTHING;
  }

  @Override
  public Optional<Opening> opening(Commitment commitment) {
    Objects.requireNonNull(commitment, "commitment");
    return Optional.empty();
  }

  @Override
  public boolean erase(Commitment commitment) {
    Objects.requireNonNull(commitment, "commitment");
    return false;
  }

  @Override
  public Stream<LoggedRecord> records(RecordQuery query) {
    return Stream.empty();
  }

  @Override
  public void flush() {}

  @Override
  public String checkpoint() {
    throw new UnsupportedOperationException("the no-op evidence log signs no checkpoints");
  }

  @Override
  public Receipt rotateKey(NoteSigner next, String reason) {
    return Receipt.DISCARDED;
  }

  @Override
  public NoteVerifier verifier() {
    throw new UnsupportedOperationException("the no-op evidence log has no key");
  }

  @Override
  public String origin() {
    return "noop";
  }

  @Override
  public long size() {
    return 0;
  }

  @Override
  public EvidenceLogStats stats() {
    return EvidenceLogStats.EMPTY;
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "EvidenceLog.noop()";
  }
}
