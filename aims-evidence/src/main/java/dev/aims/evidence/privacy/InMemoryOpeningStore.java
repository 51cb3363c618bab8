package dev.aims.evidence.privacy;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Openings kept in memory, for tests and hosts that keep them nowhere. */
final class InMemoryOpeningStore implements OpeningStore {
  private final ConcurrentHashMap<Commitment, Opening> openings = new ConcurrentHashMap<>();
  private volatile boolean closed;

  @Override
  public void put(Commitment commitment, Opening opening) {
    checkOpen();
    FileOpeningStore.checkOpens(commitment, opening);
    openings.put(commitment, opening);
  }

  @Override
  public Optional<Opening> get(Commitment commitment) {
    checkOpen();
    return Optional.ofNullable(openings.get(commitment));
  }

  @Override
  public boolean erase(Commitment commitment) {
    checkOpen();
    return openings.remove(commitment) != null;
  }

  @Override
  public void sync() {
    checkOpen();
  }

  @Override
  public void close() {
    closed = true;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the opening store is closed");
    }
  }

  @Override
  public String toString() {
    return "InMemoryOpeningStore[" + openings.size() + " openings]";
  }
}
