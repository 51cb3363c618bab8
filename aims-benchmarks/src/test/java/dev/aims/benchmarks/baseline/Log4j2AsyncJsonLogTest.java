package dev.aims.benchmarks.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Log4j2AsyncJsonLogTest {
  @TempDir Path dir;

  @Test
  void append_writesTheRecordIntoEachJsonLine() throws Exception {
    Path file = dir.resolve("log4j2.jsonl");
    SinkFiles.writeSamples(new Log4j2AsyncJsonLog(file), 500);

    SinkFiles.assertEachLineHoldsItsRecord(file, 500, line -> SinkFiles.field(line, "record"));
    assertThat(Files.readAllLines(file).get(0))
        .contains("\"@timestamp\"")
        .contains("\"logger\":\"ai.decision\"")
        .contains("\"level\":\"INFO\"");
  }

  @Test
  void append_goesThroughTheAsynchronousLogger() {
    try (Log4j2AsyncJsonLog log = new Log4j2AsyncJsonLog(dir.resolve("async.jsonl"))) {
      assertThat(log.isAsynchronous()).isTrue();
    }
  }
}
