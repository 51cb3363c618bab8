package dev.aims.cli;

import dev.aims.audit.pack.AuditPack;
import dev.aims.audit.pack.PackVerification;
import dev.aims.evidence.note.NoteException;
import dev.aims.evidence.note.NoteVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Verifies an audit pack for the command line ({@code aims verify PACK}, {@code aims pack verify})
 * through {@link AuditPack#verify} and prints the outcome: one line when it holds, else each
 * problem on its own line.
 */
final class PackVerifier {
  /** The pack's copy of the log's verifier key. */
  static final String VKEY_FILE = AuditPack.VKEY_FILE;

  private PackVerifier() {}

  /** Returns whether {@code dir} looks like an audit pack (has a manifest). */
  static boolean isPack(Path dir) {
    return AuditPack.isPack(dir);
  }

  /**
   * Verifies the pack in {@code pack} and prints the outcome, returning the exit code: 0 when
   * everything holds, 1 otherwise. With {@code keyFromPack}, the key was read from the pack itself
   * and a warning says that this proves integrity, not origin.
   */
  static int run(
      Path pack, NoteVerifier key, boolean keyFromPack, PrintWriter out, PrintWriter err) {
    if (keyFromPack) {
      err.println(
          "aims: warning: no --key given; using the pack's own "
              + VKEY_FILE
              + ". That proves the pack is intact, not who wrote it: pass the verifier key you"
              + " obtained independently with --key.");
    }
    PackVerification r = AuditPack.verify(pack, key);
    // Line by line, so that the lines end as this platform's do.
    r.summary(pack, key.name()).lines().forEach((r.ok() ? out : err)::println);
    return r.ok() ? 0 : 1;
  }

  /**
   * Reads a verifier key file, such as the pack's own {@code log.vkey}.
   *
   * @throws IOException if the file cannot be read
   * @throws NoteException if it holds no valid verifier key (never repeating a signer key)
   */
  static NoteVerifier readKey(Path file) throws IOException {
    return AuditPack.readKey(file);
  }

  /**
   * Returns why {@code dir} cannot be verified as an audit pack, naming the path and what was
   * expected; {@code null} when it has a manifest.
   */
  static String notAPack(Path dir) {
    return AuditPack.notAPack(dir).orElse(null);
  }
}
