package dev.aims.evidence.witness;

import dev.aims.evidence.merkle.Proofs;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.store.InMemoryStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A log in memory with its key, that signs checkpoints at any size it has reached. */
final class TestLog {
  final NoteSigner key;
  final InMemoryStore store = new InMemoryStore();
  private final String prefix;

  /** A log whose entries are "PREFIX-i"; two logs with other prefixes fork at entry 0. */
  TestLog(NoteSigner key, String prefix) {
    this.key = key;
    this.prefix = prefix;
  }

  /** Grows the log to {@code size} entries. */
  TestLog grow(long size) {
    List<byte[]> entries = new ArrayList<>();
    for (long i = store.size(); i < size; i++) {
      entries.add((prefix + "-" + i).getBytes(StandardCharsets.UTF_8));
    }
    if (!entries.isEmpty()) {
      store.append(entries);
    }
    return this;
  }

  /** The checkpoint at {@code size}, signed by the log's key. */
  String checkpoint(long size) throws IOException {
    grow(size);
    return key.sign(Checkpoint.of(key.name(), size, store.root(size)).format());
  }

  /** The consistency proof between two sizes. */
  List<byte[]> proof(long from, long to) {
    grow(to);
    return Proofs.consistency(from, to, store.nodes());
  }
}
