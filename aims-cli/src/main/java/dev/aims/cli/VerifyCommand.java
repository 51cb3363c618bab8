package dev.aims.cli;

import dev.aims.audit.pack.AuditPack;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.VerificationResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aims verify DIR --key VKEY}: verifies an evidence log offline (an AIMS log directory or a
 * C2SP tlog-tiles directory) with nothing but its verifier keys, and prints OK with the counts or
 * every problem with its check, file, entry index and byte offset. Exit code 0 only when everything
 * holds, 1 when a check fails, 2 on unusable input.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verify an evidence log offline: an AIMS log directory, or a C2SP tlog-tiles directory (as"
          + " 'aims export' writes) whose entries are treated as opaque bytes.",
      "Checks that every entry is a canonical JSON evidence record (as 'aims log show' reads"
          + " them; not with --opaque), recomputes every leaf hash, tree node and root, checks"
          + " every checkpoint's signature, the consistency of each checkpoint with the next, and"
          + " that a checkpoint covers every entry. Exit code 0 when everything holds, 1 when a check fails, 2 on unusable"
          + " input."
    })
public final class VerifyCommand implements Callable<Integer> {
  /** Above this many entries the progress bar is drawn even when stderr is not a terminal. */
  static final long PROGRESS_THRESHOLD = 100_000;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The log directory.")
  Path dir;

  @Option(
      names = "--key",
      required = true,
      paramLabel = "VKEY",
      description =
          "A verifier key: a .vkey file or the key text. Repeat it for a log whose key was"
              + " rotated.")
  List<String> keys = new ArrayList<>();

  @Mixin VerificationOptions verification = new VerificationOptions();

  @Mixin WitnessOptions witness = new WitnessOptions();

  @Option(
      names = "--max-problems",
      paramLabel = "N",
      defaultValue = "100",
      description = "List at most N problems (default: ${DEFAULT-VALUE}); the rest are counted.")
  int maxProblems;

  @Option(
      names = "--progress",
      negatable = true,
      description =
          "Draw a progress bar on stderr (default: when stderr is a terminal or the log has more"
              + " than 100,000 entries).")
  Boolean progress;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(dir)) {
      err.println("FAILED: " + dir + " is not a directory");
      return 2;
    }
    if (maxProblems < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--max-problems must be at least 1, was " + maxProblems);
    }
    LogVerifier.Builder b = verification.configure(LogVerifier.builder()).maxProblems(maxProblems);
    for (String k : keys) {
      NoteVerifier v = VerifyKeys.verifier(spec, "--key", k);
      b.key(v);
    }
    witness.configure(spec, b);
    if (AuditPack.isPack(dir)) {
      // End to end: an audit pack (manifest, files, log), checked by PackVerifier.
      NoteVerifier key = VerifyKeys.verifier(spec, "--key", keys.get(0));
      return PackVerifier.run(
          dir,
          key,
          false,
          witness.configure(spec, LogVerifier.builder().key(key)).build(),
          out,
          err);
    }
    ProgressBar bar = new ProgressBar(err, progress, System.console() != null);
    VerificationResult r = b.progress(bar::update).build().verify(dir);
    bar.finish();
    if (r.layout() == VerificationResult.Layout.UNKNOWN) {
      r.problems().forEach(p -> err.println("FAILED: " + p.message()));
      return 2;
    }
    // Line by line, so that the lines end as this platform's do.
    r.summary(dir).lines().forEach(out::println);
    if (r.ok() && r.keys().size() > keys.size()) {
      out.println("keys trusted: " + String.join(", ", r.keys()));
    }
    return r.ok() ? 0 : 1;
  }

  /** A one-line progress bar on stderr, redrawn in place with a carriage return. */
  static final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final Boolean forced;
    private final boolean terminal;
    private boolean drawn;

    ProgressBar(PrintWriter err, Boolean forced, boolean terminal) {
      this.err = err;
      this.forced = forced;
      this.terminal = terminal;
    }

    void update(long done, long total) {
      boolean show = forced != null ? forced : terminal || total > PROGRESS_THRESHOLD;
      if (!show || total <= 0) {
        return;
      }
      int filled = (int) (WIDTH * Math.min(done, total) / total);
      err.print(
          "\rverifying ["
              + "#".repeat(filled)
              + ".".repeat(WIDTH - filled)
              + "] "
              + (100 * Math.min(done, total) / total)
              + "% "
              + done
              + "/"
              + total
              + " entries");
      err.flush();
      drawn = true;
    }

    void finish() {
      if (drawn) {
        err.println();
      }
    }
  }
}
