package dev.aims.cli;

import dev.aims.audit.pack.AuditPack;
import dev.aims.evidence.postgres.PostgresLogStore;
import dev.aims.evidence.store.FileStore;
import dev.aims.evidence.tiles.TilePaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aims checkpoint DIR|PACK}: prints the latest signed checkpoint of an evidence log (an AIMS
 * log directory, an audit pack's log, or a tlog-tiles directory), verbatim, for an auditor to keep
 * and later hand to {@code aims verify --since}. It checks nothing: a checkpoint is worth keeping
 * only from a log that verified.
 */
@Command(
    name = "checkpoint",
    mixinStandardHelpOptions = true,
    description = {
      "Print the latest signed checkpoint of an evidence log (a C2SP signed note), exactly as"
          + " stored, for an auditor to keep: 'aims checkpoint DIR > held.note', or for a log in"
          + " PostgreSQL 'aims checkpoint --jdbc URL --log ORIGIN > held.note'.",
      "Later, 'aims verify DIR --key VKEY --since held.note' fails if the log no longer extends"
          + " it: rewritten at or below its size, or cut back below it. Verify the log before"
          + " keeping its checkpoint. Exit code 0 when printed, 2 when the directory holds no log"
          + " or no checkpoint."
    })
public final class CheckpointCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR|PACK",
      description = "The log directory, audit pack or tlog-tiles directory.")
  Path dir;

  @Mixin DatabaseOptions database = new DatabaseOptions();

  private static int print(Optional<String> note, String log, PrintWriter out, PrintWriter err) {
    if (note.isEmpty()) {
      err.println("aims checkpoint: the log " + log + " has no signed checkpoint yet");
      return 2;
    }
    // The note verbatim: its own line ends, whatever the platform's.
    out.print(note.get());
    out.flush();
    return 0;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if ((dir == null) == (database.url == null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          dir == null
              ? "give the log: DIR|PACK, or --jdbc URL --log ORIGIN"
              : "give either DIR|PACK or --jdbc URL --log ORIGIN, not both");
    }
    if (dir == null) {
      try (PostgresLogStore store = database.open(spec)) {
        return print(store.latestCheckpoint(), database.name(), out, err);
      } catch (DatabaseOptions.DatabaseException | IOException e) {
        err.println("aims checkpoint: " + e.getMessage());
        return 2;
      }
    }
    if (database.given()) {
      database.check(spec);
    }
    Path log = AuditPack.isPack(dir) ? dir.resolve(AuditPack.LOG_DIR) : dir;
    try {
      Optional<String> note;
      if (FileStore.isLogDirectory(log)) {
        try (FileStore store = FileStore.openReadOnly(log)) {
          note = store.latestCheckpoint();
        }
      } else if (Files.isRegularFile(log.resolve(TilePaths.CHECKPOINT))) {
        note =
            Optional.of(
                Files.readString(log.resolve(TilePaths.CHECKPOINT), StandardCharsets.UTF_8));
      } else {
        err.println(
            "aims checkpoint: "
                + dir
                + " is neither an evidence log, an audit pack nor a tlog-tiles log");
        return 2;
      }
      return print(note, dir.toString(), out, err);
    } catch (IOException | RuntimeException e) {
      err.println("aims checkpoint: cannot read the log in " + dir + ": " + e.getMessage());
      return 2;
    }
  }
}
