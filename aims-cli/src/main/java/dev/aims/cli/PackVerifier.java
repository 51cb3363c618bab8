package dev.aims.cli;

import dev.aims.audit.pack.AuditPack;
import dev.aims.audit.pack.PackVerification;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.VerificationResult;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Verifies an audit pack for the command line ({@code aims verify PACK}, {@code aims pack verify})
 * through {@link AuditPack#verify} and prints the outcome: one line when it holds, else each
 * problem on its own line.
 */
final class PackVerifier {
  private PackVerifier() {}

  /**
   * Verifies the pack in {@code pack} and prints the outcome, returning the exit code: 0 when
   * everything holds, 1 otherwise. With {@code keyFromPack}, the key was read from the pack itself
   * and a warning says that this proves integrity, not origin.
   */
  static int run(
      Path pack, NoteVerifier key, boolean keyFromPack, PrintWriter out, PrintWriter err) {
    return run(pack, key, keyFromPack, LogVerifier.builder().key(key).build(), out, err);
  }

  /**
   * Verifies the pack as {@link #run(Path, NoteVerifier, boolean, PrintWriter, PrintWriter)} does,
   * with its log checked by {@code logVerifier} (a witness policy), and prints the line of the
   * latest witnessed checkpoint when there is one.
   */
  static int run(
      Path pack,
      NoteVerifier key,
      boolean keyFromPack,
      LogVerifier logVerifier,
      PrintWriter out,
      PrintWriter err) {
    if (keyFromPack) {
      err.println(
          "aims: warning: no --key given; using the pack's own "
              + AuditPack.VKEY_FILE
              + ". That proves the pack is intact, not who wrote it: pass the verifier key you"
              + " obtained independently with --key.");
    }
    PackVerification r = AuditPack.verify(pack, key, logVerifier);
    // Line by line, so that the lines end as this platform's do.
    r.summary(pack, key.name()).lines().forEach((r.ok() ? out : err)::println);
    r.log()
        .flatMap(VerificationResult::witnessed)
        .ifPresent(w -> (r.ok() ? out : err).println(w.summary()));
    return r.ok() ? 0 : 1;
  }
}
