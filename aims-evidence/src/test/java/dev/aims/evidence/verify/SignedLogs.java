package dev.aims.evidence.verify;

import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.record.Envelope;
import dev.aims.evidence.store.FileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Builds small signed logs for the verifier's tests. */
final class SignedLogs {
  static final NoteSigner SIGNER = NoteSigner.generate("verify.example/log");

  private SignedLogs() {}

  /** Returns entry {@code i}: an evidence record (canonical JSON) of varying length. */
  static byte[] entry(int i) {
    return Envelope.encode(
        Decisions.decision((long) i * 1_000_003L), Instant.parse("2026-03-01T10:00:00Z"));
  }

  /**
   * Writes a log of the given batch sizes into {@code dir}, with a checkpoint signed by {@code
   * signer} after each batch.
   */
  static void write(Path dir, NoteSigner signer, int... batches) throws IOException {
    try (FileStore store = FileStore.open(dir)) {
      int next = 0;
      for (int b : batches) {
        List<byte[]> batch = new ArrayList<>();
        for (int i = 0; i < b; i++) {
          batch.add(entry(next++));
        }
        store.append(batch);
        store.appendCheckpoint(checkpoint(store, signer));
        store.sync();
      }
    }
  }

  /** Signs a checkpoint over the whole of {@code store}. */
  static String checkpoint(FileStore store, NoteSigner signer) throws IOException {
    return signer.sign(Checkpoint.of(signer.name(), store.size(), store.root()).format());
  }

  /** Copies the files of a log directory (not sub-directories) into a new directory. */
  static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(f)) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
    return to;
  }
}
