package dev.aims.evidence.verify;

import dev.aims.evidence.merkle.NodeSource;
import dev.aims.evidence.merkle.Proofs;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.tiles.TilePaths;
import dev.aims.evidence.verify.Problem.Check;
import dev.aims.evidence.witness.CosignatureStore;
import dev.aims.evidence.witness.CosignedCheckpoint;
import dev.aims.evidence.witness.WitnessVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A witness policy and its check of a verified log: every cosigned checkpoint kept beside the log
 * must be one of the log's own (signed by its key, with its root at that size), and the latest that
 * the quorum of trusted witnesses cosigned is the witnessed size.
 *
 * @param witnesses the trusted witnesses' keys
 * @param quorum how many of them must cosign a checkpoint for it to count
 */
record WitnessCheck(List<WitnessVerifier> witnesses, int quorum) {

  /** Receives the problems found. */
  @FunctionalInterface
  interface Problems {
    void add(Check check, String file, String message);
  }

  WitnessCheck {
    witnesses = List.copyOf(witnesses);
  }

  /**
   * Checks the cosigned notes of the AIMS log in {@code dir}, whose first {@code entries} entries
   * were verified and whose tree nodes are {@code stored}.
   */
  Optional<Witnessed> checkLog(
      Path dir, List<NoteVerifier> keys, long entries, NodeSource stored, Problems problems) {
    List<String> files;
    try {
      files = CosignedCheckpoint.files(dir);
    } catch (IOException e) {
      problems.add(Check.IO, CosignatureStore.DIRECTORY, "cannot list: " + e.getMessage());
      return Optional.empty();
    }
    CosignedCheckpoint best = null;
    CosignedCheckpoint mostSigned = null;
    for (String file : files) {
      CosignedCheckpoint c = read(dir, file, problems);
      if (c == null || !ofThisLog(c, keys, entries, stored, problems)) {
        continue;
      }
      if (c.meets(quorum)) {
        best = c;
      }
      if (mostSigned == null || c.witnesses().size() >= mostSigned.witnesses().size()) {
        mostSigned = c;
      }
    }
    if (best == null) {
      problems.add(Check.WITNESS, CosignatureStore.DIRECTORY, noQuorum(files, mostSigned));
      return Optional.empty();
    }
    long size = best.checkpoint().size();
    return Optional.of(new Witnessed(size, best.file(), best.witnesses(), quorum, entries - size));
  }

  /**
   * Checks the cosignatures on a tile log's {@code checkpoint} and {@code checkpoint.<N>} history
   * files, which the tile verifier verified with the log's key against the tiles' tree of {@code
   * size} entries.
   */
  Optional<Witnessed> checkTiles(Path dir, long size, Problems problems) {
    List<String> files = new ArrayList<>();
    files.add(TilePaths.CHECKPOINT);
    try (DirectoryStream<Path> history =
        Files.newDirectoryStream(dir, TilePaths.CHECKPOINT + ".*")) {
      for (Path f : history) {
        String name = f.getFileName().toString();
        if (name.matches("checkpoint\\.(0|[1-9][0-9]*)")) {
          files.add(name);
        }
      }
    } catch (IOException e) {
      problems.add(Check.IO, ".", "cannot list the tile log: " + e.getMessage());
      return Optional.empty();
    }
    CosignedCheckpoint best = null;
    CosignedCheckpoint mostSigned = null;
    for (String file : files) {
      CosignedCheckpoint c;
      try {
        c =
            CosignedCheckpoint.of(
                file, Files.readString(dir.resolve(file), StandardCharsets.UTF_8), witnesses);
      } catch (NoteException e) {
        problems.add(Check.WITNESS, file, withoutFile(file, e));
        continue;
      } catch (IOException e) {
        problems.add(Check.IO, file, "cannot read: " + e.getMessage());
        continue;
      }
      if (c.meets(quorum) && (best == null || c.checkpoint().size() > best.checkpoint().size())) {
        best = c;
      }
      if (mostSigned == null || c.witnesses().size() > mostSigned.witnesses().size()) {
        mostSigned = c;
      }
    }
    if (best == null) {
      problems.add(Check.WITNESS, TilePaths.CHECKPOINT, noQuorum(files, mostSigned));
      return Optional.empty();
    }
    long at = best.checkpoint().size();
    return Optional.of(new Witnessed(at, best.file(), best.witnesses(), quorum, size - at));
  }

  private CosignedCheckpoint read(Path dir, String file, Problems problems) {
    try {
      return CosignedCheckpoint.read(dir, file, witnesses);
    } catch (NoteException e) {
      problems.add(Check.WITNESS, file, withoutFile(file, e));
    } catch (IOException e) {
      problems.add(Check.IO, file, "cannot read: " + e.getMessage());
    }
    return null;
  }

  /** Reports, and returns false, when the cosigned checkpoint is not one of this log's. */
  private static boolean ofThisLog(
      CosignedCheckpoint c,
      List<NoteVerifier> keys,
      long entries,
      NodeSource stored,
      Problems problems) {
    Checkpoint cp = c.checkpoint();
    String what = "cosigned checkpoint " + cp.size() + described(c);
    if (keys.stream().noneMatch(k -> signs(k, c.note()))) {
      problems.add(
          Check.WITNESS, c.file(), what + " is not signed by the log's key: it is not this log's");
      return false;
    }
    if (cp.size() > entries) {
      problems.add(
          Check.WITNESS,
          c.file(),
          what
              + " is beyond the log's "
              + entries
              + " entries: the log does not extend it (cut back below a witnessed size)");
      return false;
    }
    byte[] root;
    try {
      root = Proofs.root(cp.size(), stored);
    } catch (RuntimeException e) {
      problems.add(
          Check.WITNESS,
          c.file(),
          what + ": the log's root at size " + cp.size() + " cannot be rebuilt from its nodes");
      return false;
    }
    if (!Arrays.equals(root, cp.root())) {
      problems.add(
          Check.WITNESS,
          c.file(),
          what
              + " has root "
              + b64(cp.root())
              + ", but the log's root at size "
              + cp.size()
              + " is "
              + b64(root)
              + ": the log does not extend the checkpoint the witnesses cosigned (rewritten"
              + " below it)");
      return false;
    }
    return true;
  }

  private String noQuorum(List<String> files, CosignedCheckpoint mostSigned) {
    String need =
        "no checkpoint is cosigned by "
            + quorum
            + " of the "
            + witnesses.size()
            + " trusted witnesses (quorum "
            + quorum
            + ")";
    if (files.isEmpty()) {
      return need + ": the log keeps no cosigned checkpoints";
    }
    if (mostSigned == null || mostSigned.witnesses().isEmpty()) {
      return need + ": none of the " + files.size() + " cosigned notes has a valid cosignature";
    }
    return need
        + ": the most, "
        + mostSigned.witnesses().size()
        + ", on checkpoint "
        + mostSigned.checkpoint().size()
        + described(mostSigned);
  }

  private static String described(CosignedCheckpoint c) {
    return c.witnesses().isEmpty() ? "" : " (cosigned by " + String.join(", ", c.witnesses()) + ")";
  }

  private static boolean signs(NoteVerifier key, String note) {
    try {
      key.verify(note);
      return true;
    } catch (NoteException e) {
      return false;
    }
  }

  private static String withoutFile(String file, NoteException e) {
    String m = e.getMessage();
    return m.startsWith(file + ": ") ? m.substring(file.length() + 2) : m;
  }

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }
}
