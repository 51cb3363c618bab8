package dev.aims.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aims.core.json.AimsJson;
import dev.aims.core.records.AimsRecords;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the commands that read a records directory share: the {@code --json} and {@code --date}
 * options, loading the directory, and printing JSON. The day defaults to today, read here and
 * nowhere in the assessment library.
 */
abstract class RecordsDirectoryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print machine-readable JSON instead of text.")
  boolean json;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      converter = DateConverter.class,
      description = "The day to assess as of (default: today).")
  LocalDate date;

  /** Returns the records directory (or file of all the records) given on the command line. */
  abstract Path directory();

  /** A command whose first parameter is the records. */
  abstract static class OfDirectory extends RecordsDirectoryCommand {
    @picocli.CommandLine.Parameters(
        index = "0",
        paramLabel = "DIR",
        description =
            "The records directory, or one JSON file of all the records (as an audit pack's"
                + " records/aims-records.json).")
    Path dir;

    @Override
    Path directory() {
      return dir;
    }
  }

  /** Returns the day of the assessment: {@code --date}, else today. */
  LocalDate day() {
    return date == null ? LocalDate.now() : date;
  }

  AimsRecords records() {
    return RecordsDirectory.load(directory());
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  void printJson(Object value) throws JsonProcessingException {
    printJson(out(), value);
  }

  /** Prints {@code value} as indented JSON: the one JSON form of every command's --json. */
  static void printJson(PrintWriter out, Object value) throws JsonProcessingException {
    out.println(AimsJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
  }

  /** Reads {@code --date} values, naming the value when it is not a date. */
  static final class DateConverter implements CommandLine.ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a date in the form YYYY-MM-DD");
      }
    }
  }
}
