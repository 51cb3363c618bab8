package dev.aims.evidence.verify;

import dev.aims.evidence.merkle.ProofException;
import dev.aims.evidence.merkle.Proofs;
import dev.aims.evidence.note.Checkpoint;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.spi.LogStore;
import dev.aims.evidence.verify.Problem.Check;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Checkpoints that someone outside the log's owner kept (an auditor, a regulator, a witness), and
 * the check that a log still extends every one of them.
 *
 * <p>A log's own verification cannot catch its owner: whoever holds the signer key can rewrite an
 * entry, rebuild the tree and re-sign every checkpoint, or cut the log back to an earlier
 * checkpoint, and the log verifies. A checkpoint taken earlier and kept elsewhere pins the log:
 * today's log must hold a tree of the held size whose root is the held root, proved by a
 * consistency proof from the held size to today's signed checkpoint. A rewrite at or below a held
 * size changes that root; a cut back below it leaves no tree of that size.
 *
 * <p>For each held checkpoint, {@link #check} requires: a valid signature by one of the log's
 * verifier keys, the log's origin, a size no larger than the log's latest checkpoint, and a
 * consistency proof from the stored tree that leads from the held root to the latest checkpoint's
 * root (at equal sizes: equal roots). The store's own integrity (stored nodes, the latest
 * checkpoint's root and signature) is the log verification's to check; run both, as {@link
 * LogVerifier} does when given held checkpoints.
 */
public final class HeldCheckpoints {
  private static final String SIGNATURE_PREFIX = "\u2014 ";

  private HeldCheckpoints() {}

  /**
   * Splits text holding one or more C2SP signed notes (as {@code aims checkpoint} prints them, one
   * after the other, blank lines between them allowed) into the notes.
   *
   * @throws IllegalArgumentException naming the line when a note has no signature line or the text
   *     holds none
   */
  public static List<String> parse(String text) {
    List<String> notes = new ArrayList<>();
    String[] lines = text.replace("\r\n", "\n").split("\n", -1);
    StringBuilder note = new StringBuilder();
    boolean inSignatures = false;
    boolean blankSeen = false;
    int start = 1;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (inSignatures) {
        if (line.startsWith(SIGNATURE_PREFIX)) {
          note.append(line).append('\n');
          continue;
        }
        notes.add(note.toString());
        note.setLength(0);
        inSignatures = false;
        blankSeen = false;
      }
      if (note.length() == 0) {
        if (line.isEmpty()) {
          continue;
        }
        start = i + 1;
      }
      if (line.isEmpty()) {
        if (blankSeen) {
          throw new IllegalArgumentException(
              "the note that starts on line " + start + " has two blank lines");
        }
        blankSeen = true;
        note.append('\n');
        if (i + 1 >= lines.length || !lines[i + 1].startsWith(SIGNATURE_PREFIX)) {
          throw new IllegalArgumentException(
              "the note that starts on line "
                  + start
                  + " has no signature line after its blank line (line "
                  + (i + 1)
                  + ")");
        }
        inSignatures = true;
        continue;
      }
      note.append(line).append('\n');
    }
    if (inSignatures) {
      notes.add(note.toString());
    } else if (note.length() > 0) {
      throw new IllegalArgumentException(
          "the note that starts on line " + start + " ends without a blank line and signatures");
    }
    if (notes.isEmpty()) {
      throw new IllegalArgumentException("no signed note found");
    }
    return notes;
  }

  /**
   * Checks that the log in {@code store} extends every held checkpoint, and returns one problem
   * ({@link Check#HELD_CHECKPOINT}) per checkpoint it does not; empty when all hold.
   *
   * @param store the log, opened for reading
   * @param held the held checkpoints as signed notes, each with the name it is to be reported by
   *     (for example {@code "auditor.note #2"})
   * @param keys the log's verifier keys; a held checkpoint must be signed by one of them
   */
  public static List<Problem> check(LogStore store, List<Held> held, List<NoteVerifier> keys) {
    List<Problem> problems = new ArrayList<>();
    Checkpoint latest;
    try {
      Optional<String> note = store.latestCheckpoint();
      if (note.isEmpty()) {
        for (Held h : held) {
          problems.add(problem(h, "the log has no signed checkpoint to compare it with"));
        }
        return problems;
      }
      latest = LogStore.checkpointOf(note.get());
    } catch (IOException | RuntimeException e) {
      problems.add(
          new Problem(
              Check.IO, ".", -1, -1, "cannot read the log's checkpoints: " + e.getMessage()));
      return problems;
    }
    for (Held h : held) {
      String why = why(store, h, keys, latest);
      if (why != null) {
        problems.add(problem(h, why));
      }
    }
    return problems;
  }

  private static String why(LogStore store, Held h, List<NoteVerifier> keys, Checkpoint latest) {
    Checkpoint cp = signed(h.note(), keys);
    if (cp == null) {
      return "not signed by "
          + (keys.size() == 1 ? "the log's key " + keys.get(0).name() : "any of the log's keys");
    }
    String what = "held checkpoint of size " + cp.size() + " (root " + b64(cp.root()) + ")";
    if (!cp.origin().equals(latest.origin())) {
      return what + " is of log " + cp.origin() + ", not of " + latest.origin();
    }
    if (cp.size() > latest.size()) {
      return "the log was cut back: its latest checkpoint is of size "
          + latest.size()
          + ", below the "
          + what;
    }
    if (cp.size() == latest.size()) {
      return Arrays.equals(cp.root(), latest.root())
          ? null
          : "the log was rewritten: its latest checkpoint has the held size "
              + cp.size()
              + " but root "
              + b64(latest.root())
              + ", not the "
              + what;
    }
    if (cp.size() == 0) {
      return null;
    }
    try {
      List<byte[]> proof = Proofs.consistency(cp.size(), latest.size(), store.nodes());
      Proofs.verifyConsistency(cp.size(), latest.size(), cp.root(), latest.root(), proof);
      return null;
    } catch (ProofException e) {
      return "the log was rewritten at or below the "
          + what
          + ": no consistency proof leads from it to the latest checkpoint of size "
          + latest.size()
          + " ("
          + e.getMessage()
          + ")";
    } catch (UncheckedIOException | IllegalArgumentException e) {
      return "cannot prove the log consistent with the " + what + ": " + e.getMessage();
    }
  }

  private static Checkpoint signed(String note, List<NoteVerifier> keys) {
    for (NoteVerifier key : keys) {
      try {
        return key.verifyCheckpoint(note);
      } catch (NoteException e) {
        // Try the next key.
      }
    }
    return null;
  }

  private static Problem problem(Held h, String message) {
    return new Problem(Check.HELD_CHECKPOINT, h.name(), -1, -1, message);
  }

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  /**
   * A held checkpoint: its signed note and the name it is reported by.
   *
   * @param name where it came from, as problems name it (a file, a file and a position)
   * @param note the C2SP signed note, verbatim
   */
  public record Held(String name, String note) {}
}
