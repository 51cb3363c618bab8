package dev.aims.cli;

import dev.aims.audit.pack.AuditPack;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.store.FileStore;
import dev.aims.evidence.verify.HeldCheckpoints;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.Problem;
import dev.aims.evidence.verify.VerificationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
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

  @Option(
      names = "--tsa-cert",
      paramLabel = "CERT",
      description =
          "Also check the log's RFC 3161 timestamps (timestamps/<size>.tsr) with this TSA"
              + " certificate (PEM or DER; or its issuer's) and print each checkpoint's time;"
              + " fails on a bad token or none.")
  Path tsaCert;

  @Option(
      names = "--max-problems",
      paramLabel = "N",
      defaultValue = "100",
      description = "List at most N problems (default: ${DEFAULT-VALUE}); the rest are counted.")
  int maxProblems;

  @Option(
      names = "--since",
      paramLabel = "FILE",
      description =
          "A checkpoint kept from earlier ('aims checkpoint DIR > FILE'; a file may hold several"
              + " signed notes): the log must still extend it, by a consistency proof from its size"
              + " to the log's latest checkpoint. A log rewritten at or below its size, or cut back"
              + " below it, fails naming the file. Repeat it for several files.")
  List<Path> since = new ArrayList<>();

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
    List<HeldCheckpoints.Held> held = readHeld(err);
    if (held == null) {
      return 2;
    }
    b.held(held);
    X509Certificate tsa =
        tsaCert == null ? null : TimestampReport.certificate(spec, "--tsa-cert", tsaCert);
    if (AuditPack.isPack(dir)) {
      // End to end: an audit pack (manifest, files, log), checked by PackVerifier.
      NoteVerifier key = VerifyKeys.verifier(spec, "--key", keys.get(0));
      int code = PackVerifier.run(dir, key, false, out, err);
      code = Math.max(code, checkHeld(dir.resolve(AuditPack.LOG_DIR), held, out, err));
      return withTimestamps(dir.resolve(AuditPack.LOG_DIR), tsa, code, out, err);
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
    if (r.ok() && !held.isEmpty()) {
      out.println("OK: the log extends " + held.size() + " held checkpoint(s)");
    }
    if (r.ok() && r.keys().size() > keys.size()) {
      out.println("keys trusted: " + String.join(", ", r.keys()));
    }
    return withTimestamps(dir, tsa, r.ok() ? 0 : 1, out, err);
  }

  /** With --tsa-cert, also checks the log's timestamps; returns the worse exit code. */
  private static int withTimestamps(
      Path logDir, X509Certificate tsa, int code, PrintWriter out, PrintWriter err) {
    return tsa == null ? code : Math.max(code, TimestampReport.run(logDir, tsa, out, err));
  }

  /**
   * Reads the --since files into held checkpoints; null (after saying why) when one is unusable.
   */
  private List<HeldCheckpoints.Held> readHeld(PrintWriter err) {
    List<HeldCheckpoints.Held> held = new ArrayList<>();
    for (Path file : since) {
      try {
        List<String> notes = HeldCheckpoints.parse(Files.readString(file, StandardCharsets.UTF_8));
        for (int i = 0; i < notes.size(); i++) {
          String name = notes.size() == 1 ? file.toString() : file + " #" + (i + 1);
          held.add(new HeldCheckpoints.Held(name, notes.get(i)));
        }
      } catch (IOException e) {
        err.println("FAILED: --since " + file + ": cannot read it: " + e.getMessage());
        return null;
      } catch (IllegalArgumentException e) {
        err.println("FAILED: --since " + file + " holds no usable signed note: " + e.getMessage());
        return null;
      }
    }
    return held;
  }

  /** Checks a pack's log against the held checkpoints; prints each problem. */
  private int checkHeld(
      Path log, List<HeldCheckpoints.Held> held, PrintWriter out, PrintWriter err) {
    if (held.isEmpty()) {
      return 0;
    }
    List<NoteVerifier> trusted = new ArrayList<>();
    keys.forEach(k -> trusted.add(VerifyKeys.verifier(spec, "--key", k)));
    List<Problem> problems;
    try (FileStore store = FileStore.openReadOnly(log)) {
      problems = HeldCheckpoints.check(store, held, trusted);
    } catch (IOException e) {
      err.println("FAILED: cannot read the pack's log for --since: " + e.getMessage());
      return 1;
    }
    if (problems.isEmpty()) {
      out.println("OK: the log extends " + held.size() + " held checkpoint(s)");
      return 0;
    }
    problems.forEach(p -> err.println("FAILED: " + p));
    return 1;
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
