package dev.aims.benchmarks.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogbackJsonLogTest {
  @TempDir Path dir;

  @Test
  void append_writesTheRecordIntoEachJsonLine() throws Exception {
    Path file = dir.resolve("logback.jsonl");
    SinkFiles.writeSamples(new LogbackJsonLog(file, true), 200);

    SinkFiles.assertEachLineHoldsItsRecord(file, 200, line -> SinkFiles.field(line, "record"));
    assertThat(Files.readAllLines(file).get(0))
        .contains("\"@timestamp\"")
        .contains("\"logger_name\":\"ai.decision\"")
        .contains("\"level\":\"INFO\"");
  }

  @Test
  void append_buffered_writesEverythingByClose() throws Exception {
    Path file = dir.resolve("logback-buffered.jsonl");
    SinkFiles.writeSamples(new LogbackJsonLog(file, false), 500);

    SinkFiles.assertEachLineHoldsItsRecord(file, 500, line -> SinkFiles.field(line, "record"));
  }

  @Test
  void constructor_failsWhenTheFileCannotBeOpened() throws Exception {
    Path directory = Files.createDirectory(dir.resolve("a-directory"));

    assertThatThrownBy(() -> new LogbackJsonLog(directory, true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(directory.toString());
  }
}
