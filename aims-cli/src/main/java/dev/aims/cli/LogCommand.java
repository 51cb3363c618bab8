package dev.aims.cli;

import dev.aims.evidence.record.LoggedRecord;
import dev.aims.evidence.record.MalformedLeafException;
import dev.aims.evidence.record.RecordQuery;
import dev.aims.evidence.record.RecordType;
import dev.aims.evidence.store.FileStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aims log}: reads an evidence log. {@code aims log show DIR} prints its records, filtered
 * by AI system, record type and the time they occurred, as a table or as JSON lines. Reading never
 * takes the writer's lock, so it works while the host writes.
 */
@Command(
    name = "log",
    mixinStandardHelpOptions = true,
    description = "Read an evidence log.",
    subcommands = {LogCommand.Show.class})
public final class LogCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Opens the evidence log in {@code dir} for reading; when there is none, says so on {@code err}
   * and returns null (the commands then end with exit code 2).
   */
  static FileStore openLog(Path dir, PrintWriter err) throws IOException {
    try {
      return FileStore.openReadOnly(dir);
    } catch (NoSuchFileException e) {
      err.println("FAILED: " + dir + " is not an evidence log directory");
      return null;
    }
  }

  /** {@code aims log show DIR}: prints the records that match the filters, in log order. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = {
        "Print the records of an evidence log in log order, filtered by AI system, type and"
            + " time of occurrence.",
        "Exit code 0 when the log could be read, 1 when an entry is not an evidence record, 2 on"
            + " unusable input."
      })
  public static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The log directory.")
    Path dir;

    @Option(names = "--system", paramLabel = "ID", description = "Only records of this AI system.")
    String system;

    @Option(
        names = "--type",
        paramLabel = "TYPE",
        split = ",",
        completionCandidates = RecordTypeIds.class,
        description =
            "Only records of these types (repeat or separate by commas): ${COMPLETION-CANDIDATES}.")
    List<String> types = new ArrayList<>();

    @Option(
        names = "--from",
        paramLabel = "T",
        description =
            "Only records that occurred at or after T (an instant such as 2026-03-01T09:30:00Z,"
                + " or a date, meaning its start in UTC).")
    String from;

    @Option(
        names = "--to",
        paramLabel = "T",
        description = "Only records that occurred before T (an instant, or a date).")
    String to;

    @Option(
        names = "--json",
        description =
            "Print one JSON object per line: {\"index\":N,\"record\":<the leaf's exact canonical"
                + " JSON>}.")
    boolean json;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      RecordQuery query = query();
      FileStore store = openLog(dir, err);
      if (store == null) {
        return 2;
      }
      long shown = 0;
      try (store;
          Stream<LoggedRecord> records = query.select(store)) {
        Iterator<LoggedRecord> it = records.iterator();
        if (!json) {
          out.println(
              String.format(
                  "%-7s %-24s %-18s %-20s %-18s %s",
                  "INDEX", "OCCURRED", "TYPE", "SYSTEM", "CONTROLS", "SUMMARY"));
        }
        while (it.hasNext()) {
          LoggedRecord r = it.next();
          shown++;
          if (json) {
            out.println("{\"index\":" + r.index() + ",\"record\":" + r.json() + "}");
          } else {
            out.println(
                String.format(
                    "%-7d %-24s %-18s %-20s %-18s %s",
                    r.index(),
                    r.occurredAt(),
                    r.type().id(),
                    r.system(),
                    String.join(",", r.controls()),
                    r.summary()));
          }
        }
      } catch (MalformedLeafException e) {
        out.flush();
        err.println("FAILED: " + e.getMessage());
        return 1;
      }
      if (!json) {
        out.println(shown + (shown == 1 ? " record" : " records"));
      }
      return 0;
    }

    private RecordQuery query() {
      RecordQuery.Builder q = RecordQuery.builder();
      try {
        if (system != null) {
          q.system(system);
        }
        for (String t : types) {
          q.types(RecordType.of(t.strip()));
        }
        if (from != null) {
          q.from(instant("--from", from));
        }
        if (to != null) {
          q.to(instant("--to", to));
        }
        return q.build();
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
    }

    private Instant instant(String option, String text) {
      try {
        return RecordQuery.instantOrDate(text);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), option + ": " + e.getMessage());
      }
    }
  }

  /** The ids of the record types, from {@link RecordType}, for the help of {@code --type}. */
  static final class RecordTypeIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(RecordType.values()).map(RecordType::id).iterator();
    }
  }
}
