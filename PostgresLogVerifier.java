package dev.aims.evidence.postgres;

import dev.aims.evidence.merkle.MerkleHash;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.Problem;
import dev.aims.evidence.verify.VerificationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Temporary stand-in: verifies a log in PostgreSQL by comparing each stored leaf hash with its
 * entry, then exporting it and verifying the export. Replaced by the real verifier at merge.
 */
public final class PostgresLogVerifier {
  private final Builder b;

  private PostgresLogVerifier(Builder b) {
    this.b = b;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Verifies the log of {@code store}. */
  public VerificationResult verify(PostgresLogStore store) {
    List<Problem> problems = new ArrayList<>();
    try (Stream<PostgresLogStore.StoredEntry> s = store.storedEntries(0)) {
      s.forEach(
          e -> {
            byte[] leaf = Arrays.copyOf(e.hashes(), MerkleHash.SIZE);
            if (!Arrays.equals(leaf, MerkleHash.leaf(e.entry()))) {
              problems.add(
                  new Problem(
                      Problem.Check.LEAF_HASH,
                      "aims_entry",
                      e.index(),
                      -1,
                      "the stored leaf hash differs from the hash of the entry"));
            }
          });
      Path tmp = Files.createTempDirectory("aims-pg-verify");
      try {
        Path dir = tmp.resolve("log");
        PostgresLogExport.toDirectory(store, dir);
        VerificationResult r =
            LogVerifier.builder()
                .keys(b.keys)
                .followKeyRotations(b.follow)
                .maxProblems(b.maxProblems)
                .progress(b.progress)
                .build()
                .verify(dir);
        problems.addAll(r.problems());
        return new VerificationResult(
            r.layout(), r.entries(), r.checkpoints(), r.bytes(), problems, r.omittedProblems(),
            r.keys());
      } finally {
        try (Stream<Path> all = Files.walk(tmp)) {
          for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Configures a verifier. */
  public static final class Builder {
    private List<NoteVerifier> keys = List.of();
    private boolean follow;
    private int maxProblems = 100;
    private LogVerifier.Progress progress = (d, t) -> {};

    /** The trusted keys. */
    public Builder keys(List<NoteVerifier> keys) {
      this.keys = List.copyOf(keys);
      return this;
    }

    /** Whether key rotation records are followed. */
    public Builder followKeyRotations(boolean follow) {
      this.follow = follow;
      return this;
    }

    /** The progress callback. */
    public Builder progress(LogVerifier.Progress progress) {
      this.progress = progress;
      return this;
    }

    /** The most problems listed. */
    public Builder maxProblems(int maxProblems) {
      this.maxProblems = maxProblems;
      return this;
    }

    /** Builds the verifier. */
    public PostgresLogVerifier build() {
      return new PostgresLogVerifier(this);
    }
  }
}
