package dev.aims.cli;

import dev.aims.audit.StagedDirectory;
import dev.aims.evidence.postgres.PostgresLogExport;
import dev.aims.evidence.postgres.PostgresLogStore;
import dev.aims.evidence.tiles.TileExport;
import dev.aims.evidence.tiles.TileExportException;
import dev.aims.evidence.verify.VerificationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
 * {@code aims export DIR --tiles OUT --key SKEY}: writes an evidence log as a C2SP tlog-tiles
 * directory (hash tiles, entry bundles and a checkpoint signed with the log's signer key), the
 * exchange layout that any tlog-tiles tool can check, and that {@code aims verify OUT --key VKEY}
 * accepts; without {@code --tiles}, an audit pack ({@link PackExporter}). With {@code --jdbc URL
 * --log ORIGIN} instead of DIR the log is read from PostgreSQL: {@code --out DIR} alone copies it
 * to a file log directory that an auditor takes away, and {@code --tiles} and audit packs are
 * written from such a copy in a temporary directory, deleted afterwards.
 *
 * <p>The checks before anything is written (the signer key signed the log's latest checkpoint, the
 * log verifies with its verifier key and the keys given with {@code --trust}, optionally following
 * key rotations) and the writing are {@link TileExport}'s; this command parses the options and
 * words its result and failures. A refused export names the untrusted keys that signed the log's
 * checkpoints and the option to add.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export an evidence log as a C2SP tlog-tiles directory: tiles, entry bundles and a signed"
          + " checkpoint.",
      "The log is verified first with the signer key's verifier key, and only the entries its"
          + " latest signed checkpoint covers are exported. The checkpoint is signed with the"
          + " signer key and carries the log's origin. Exit code 0 when written, 1 when the log"
          + " does not verify or the export does not match it, 2 on unusable input (including a"
          + " key that is not the log's).",
      "For a log whose key was rotated (older checkpoints signed only by earlier keys), give the"
          + " earlier verifier keys with --trust, as 'aims verify' takes them with --key, or only"
          + " the first one with --follow-key-rotations. The latest checkpoint must still be signed"
          + " by --key.",
      "With --jdbc URL --log ORIGIN instead of DIR, the log is read from PostgreSQL (the password"
          + " from the environment variable PGPASSWORD): --out DIR alone copies it, up to its"
          + " latest signed checkpoint, to a file log directory that 'aims verify DIR --key VKEY'"
          + " checks offline; --tiles and --out PACK --records are written as from a log"
          + " directory."
    })
public final class ExportCommand implements Callable<Integer> {
  /** How many of the log's problems a refused export lists. */
  static final int PROBLEMS_SHOWN = 5;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "The log directory (or give --jdbc and --log instead).")
  Path dir;

  @Mixin DatabaseOptions database = new DatabaseOptions();

  @Option(
      names = "--tiles",
      paramLabel = "OUT",
      description = "The directory to write (new or empty).")
  Path tiles;

  @Option(
      names = "--key",
      paramLabel = "SKEY",
      description =
          "The log's signer key: a .skey file (as 'aims keygen' writes). Required, except with"
              + " --jdbc and --out DIR alone.")
  String key;

  @Mixin VerificationOptions verification = new VerificationOptions();

  @Option(
      names = "--trust",
      paramLabel = "VKEY",
      description =
          "With --tiles: also trust this earlier verifier key of the log (a .vkey file or the key"
              + " text) for its older checkpoints, as 'aims verify' takes it with --key. Repeat it"
              + " for each key the log was rotated from.")
  List<String> trust = new ArrayList<>();

  // End to end: without --tiles, an audit pack (PackExporter).
  @Mixin PackExporter.Options pack = new PackExporter.Options();

  // How messages name the log, and what 'aims verify' is given to list its problems.
  private String logName;
  private String verifyTarget;

  @Override
  public Integer call() throws IOException {
    if ((dir == null) == (database.url == null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          dir == null
              ? "give the log to export: DIR, or --jdbc URL --log ORIGIN"
              : "give either DIR or --jdbc URL --log ORIGIN, not both");
    }
    database.check(spec);
    if (dir != null) {
      logName = dir.toString();
      verifyTarget = dir.toString();
      return export(dir);
    }
    logName = database.name();
    verifyTarget = "--jdbc " + database.url + " --log " + database.origin;
    if (tiles == null && pack.out != null && pack.records == null) {
      if (key != null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--key applies to --tiles, and to --out PACK with --records");
      }
      return exportFileLog(pack.out);
    }
    if (tiles == null && pack.out == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "with --jdbc, give --out DIR (a copy of the log), --tiles OUT, or --out PACK with"
              + " --records DIR|FILE (an audit pack)");
    }
    requireKey();
    // Tiles and packs are written from a log directory: a copy of the log, deleted afterwards.
    Path temp = Files.createTempDirectory("aims-export-");
    try {
      Path copy = temp.resolve("log");
      if (copyLog(copy, spec.commandLine().getErr()) < 0) {
        return 2;
      }
      return export(copy);
    } finally {
      StagedDirectory.deleteTree(temp);
    }
  }

  /** Copies the log in the database to {@code out}: {@code aims export --jdbc --log --out DIR}. */
  private int exportFileLog(Path out) throws IOException {
    long size;
    long written;
    try (PostgresLogStore store = database.open(spec)) {
      size = store.refresh();
      written = PostgresLogExport.toDirectory(store, out);
    } catch (DatabaseOptions.DatabaseException
        | IllegalArgumentException
        | IOException
        | UncheckedIOException e) {
      spec.commandLine().getErr().println("FAILED: " + e.getMessage());
      return 2;
    }
    PrintWriter o = spec.commandLine().getOut();
    o.println(
        "exported "
            + written
            + " entries of evidence log "
            + logName
            + " to the log directory "
            + out
            + " (up to its latest signed checkpoint)");
    if (size > written) {
      long after = size - written;
      o.println(
          after
              + (after == 1 ? " entry" : " entries")
              + " after the last checkpoint not exported (the log held "
              + size
              + "; sign a checkpoint over them to export them)");
    }
    o.println("verify it offline: aims verify " + out + " --key VKEY");
    return 0;
  }

  /** Copies the log in the database to {@code copy}; returns -1 after printing why it cannot. */
  private long copyLog(Path copy, PrintWriter err) {
    try (PostgresLogStore store = database.open(spec)) {
      return PostgresLogExport.toDirectory(store, copy);
    } catch (DatabaseOptions.DatabaseException
        | IllegalArgumentException
        | IOException
        | UncheckedIOException e) {
      err.println("FAILED: " + e.getMessage());
      return -1;
    }
  }

  private void requireKey() {
    if (key == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "Missing required option: '--key=SKEY'");
    }
  }

  /** Exports the log directory {@code log}: tiles, or an audit pack. */
  private int export(Path log) throws IOException {
    requireKey();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (tiles == null) {
      if (!trust.isEmpty() || verification.followKeyRotations) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--trust and --follow-key-rotations apply to --tiles only");
      }
      return PackExporter.run(spec, log, key, pack);
    }
    TileExport.Builder b =
        verification.configure(
            TileExport.builder()
                .log(log)
                .tiles(tiles)
                .signer(VerifyKeys.signer(spec, "--key", key)));
    for (String t : trust) {
      b.trust(VerifyKeys.verifier(spec, "--trust", t));
    }
    TileExport export = b.build();
    TileExport.Result r;
    try {
      r = export.export();
    } catch (TileExportException e) {
      refused(export, e).forEach(err::println);
      return e.failure().unusableInput() ? 2 : 1;
    }
    // Line by line, so that the lines end as this platform's do.
    r.summary(tiles).lines().forEach(out::println);
    return 0;
  }

  /** The lines that explain a refused or failed export, in the command's terms. */
  private List<String> refused(TileExport export, TileExportException e) {
    String keyName = e.keyName();
    switch (e.failure()) {
      case TILES_NOT_EMPTY:
        return List.of("FAILED: --tiles " + tiles + " is not empty; export into a new directory");
      case WRONG_KEY:
        return List.of(
            "FAILED: --key is the signer key "
                + keyName
                + ", not the key of evidence log "
                + logName
                + ": its latest checkpoint is signed by "
                + String.join(", ", e.latestSigners())
                + "; nothing was written to "
                + tiles);
      case LOG_DOES_NOT_VERIFY:
        return notVerified(export, e);
      default:
        return List.of("FAILED: " + e.getMessage());
    }
  }

  private List<String> notVerified(TileExport export, TileExportException e) {
    VerificationResult r = e.verification().orElseThrow();
    int keys = export.keys().size();
    long count = r.problems().size() + r.omittedProblems();
    List<String> lines = new ArrayList<>();
    lines.add(
        "FAILED: evidence log "
            + logName
            + " does not verify with the key "
            + e.keyName()
            + (keys > 1 ? " and the " + (keys - 1) + " trusted with --trust" : "")
            + ": "
            + count
            + (count == 1 ? " problem" : " problems")
            + "; nothing was written to "
            + tiles);
    r.problems().stream().limit(PROBLEMS_SHOWN).forEach(p -> lines.add("  " + p));
    if (count > PROBLEMS_SHOWN) {
      lines.add(
          "  ... and "
              + (count - PROBLEMS_SHOWN)
              + " more: 'aims verify "
              + verifyTarget
              + " --key VKEY' lists them");
    }
    List<String> untrusted = e.untrustedSigners();
    if (!untrusted.isEmpty()) {
      boolean one = untrusted.size() == 1;
      lines.add(
          "Checkpoints of the log are signed by "
              + (one ? "the key " : "the keys ")
              + String.join(", ", untrusted)
              + (one ? ", which is not trusted" : ", which are not trusted")
              + ": if the log's key was rotated from "
              + (one ? "it" : "them")
              + " to "
              + e.keyName()
              + ", add --trust VKEY with "
              + (one ? "its verifier key" : "the verifier key of each (repeat --trust)")
              + ", as 'aims verify "
              + verifyTarget
              + "' needs "
              + (one ? "it" : "them")
              + " with --key; or --trust with the log's first key and --follow-key-rotations");
    }
    return lines;
  }
}
