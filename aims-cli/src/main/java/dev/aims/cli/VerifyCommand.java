package dev.aims.cli;

import dev.aims.audit.pack.AuditPack;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.postgres.PostgresLogStore;
import dev.aims.evidence.postgres.PostgresLogVerifier;
import dev.aims.evidence.store.FileStore;
import dev.aims.evidence.verify.HeldCheckpoints;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.Problem;
import dev.aims.evidence.verify.VerificationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * every problem with its check, file, entry index and byte offset; {@code aims verify --jdbc URL
 * --log ORIGIN --key VKEY} verifies a log in PostgreSQL in the same way. Exit code 0 only when
 * everything holds, 1 when a check fails, 2 on unusable input.
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
          + " input.",
      "With --jdbc URL --log ORIGIN instead of DIR: the log of that origin in a PostgreSQL"
          + " database, read in one pass (the password from the environment variable PGPASSWORD)."
    })
public final class VerifyCommand implements Callable<Integer> {
  /** Above this many entries the progress bar is drawn even when stderr is not a terminal. */
  static final long PROGRESS_THRESHOLD = 100_000;

  /** Stands for the log in the database in the summary, which names a directory. */
  private static final Path DATABASE = Path.of("@database");

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "The log directory (or give --jdbc and --log instead).")
  Path dir;

  @Mixin DatabaseOptions database = new DatabaseOptions();

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
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if ((dir == null) == (database.url == null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          dir == null
              ? "give the log to verify: DIR, or --jdbc URL --log ORIGIN"
              : "give either DIR or --jdbc URL --log ORIGIN, not both");
    }
    if (dir == null) {
      return verifyDatabase(out, err);
    }
    if (database.given()) {
      database.check(spec);
    }
    if (!Files.isDirectory(dir)) {
      err.println("FAILED: " + dir + " is not a directory");
      return 2;
    }
    checkMaxProblems();
    LogVerifier.Builder b =
        verification.configure(LogVerifier.builder()).maxProblems(maxProblems).keys(verifiers());
    List<HeldCheckpoints.Held> held = readHeld(err);
    if (held == null) {
      return 2;
    }
    b.held(held);
    witness.configure(spec, b);
    X509Certificate tsa =
        tsaCert == null ? null : TimestampReport.certificate(spec, "--tsa-cert", tsaCert);
    if (AuditPack.isPack(dir)) {
      // End to end: an audit pack (manifest, files, log), checked by PackVerifier.
      NoteVerifier key = VerifyKeys.verifier(spec, "--key", keys.get(0));
      int code =
          PackVerifier.run(
              dir,
              key,
              false,
              witness.configure(spec, LogVerifier.builder().key(key)).build(),
              out,
              err);
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
    return withTimestamps(dir, tsa, report(r.summary(dir), r, held, out), out, err);
  }

  /**
   * Verifies the log of {@code --jdbc} and {@code --log}: as a directory's, but in the database.
   */
  private int verifyDatabase(PrintWriter out, PrintWriter err) throws IOException {
    database.check(spec);
    if (tsaCert != null || !witness.witnesses.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          (tsaCert != null ? "--tsa-cert" : "--witness")
              + " checks what is kept beside a log directory or in a pack, not --jdbc");
    }
    checkMaxProblems();
    List<NoteVerifier> verifiers = verifiers();
    List<HeldCheckpoints.Held> held = readHeld(err);
    if (held == null) {
      return 2;
    }
    ProgressBar bar = new ProgressBar(err, progress, System.console() != null);
    PostgresLogVerifier verifier =
        verification
            .configure(PostgresLogVerifier.builder())
            .keys(verifiers)
            .maxProblems(maxProblems)
            .progress(bar::update)
            .build();
    VerificationResult r;
    try (PostgresLogStore store = database.open(spec)) {
      r = verifier.verify(store).withProblems(HeldCheckpoints.check(store, held, verifiers));
    } catch (DatabaseOptions.DatabaseException | UncheckedIOException e) {
      bar.finish();
      err.println("FAILED: " + e.getMessage());
      return 2;
    }
    bar.finish();
    // The summary names a directory; the log in the database is named by origin and URL instead.
    String summary =
        r.summary(DATABASE)
            .replaceFirst(
                Pattern.quote(DATABASE.toString()), Matcher.quoteReplacement(database.name()));
    return report(summary, r, held, out);
  }

  private int report(
      String summary, VerificationResult r, List<HeldCheckpoints.Held> held, PrintWriter out) {
    // Line by line, so that the lines end as this platform's do.
    summary.lines().forEach(out::println);
    if (r.ok() && !held.isEmpty()) {
      out.println("OK: the log extends " + held.size() + " held checkpoint(s)");
    }
    if (r.ok() && r.keys().size() > keys.size()) {
      out.println("keys trusted: " + String.join(", ", r.keys()));
    }
    return r.ok() ? 0 : 1;
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

  private void checkMaxProblems() {
    if (maxProblems < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--max-problems must be at least 1, was " + maxProblems);
    }
  }

  private List<NoteVerifier> verifiers() {
    List<NoteVerifier> verifiers = new ArrayList<>();
    for (String k : keys) {
      verifiers.add(VerifyKeys.verifier(spec, "--key", k));
    }
    return verifiers;
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
