package dev.aims.benchmarks.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aims.benchmarks.sample.DecisionSamples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** Test helpers: write samples through a sink and check what landed in its file. */
final class SinkFiles {
  private SinkFiles() {}

  static void writeSamples(RecordSink sink, int count) {
    try (sink) {
      for (int i = 0; i < count; i++) {
        sink.append(DecisionSamples.next(i));
      }
    }
  }

  /**
   * Asserts that the file has one line per sample, in order, and that the JSON object found in each
   * line by {@code record} is exactly the sample as Jackson writes it.
   */
  static void assertEachLineHoldsItsRecord(
      Path file, int count, Function<String, String> recordJsonOfLine) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(count);
    for (int i = 0; i < count; i++) {
      JsonNode expected = BaselineJson.mapper().valueToTree(DecisionSamples.next(i));
      JsonNode actual = BaselineJson.mapper().readTree(recordJsonOfLine.apply(lines.get(i)));
      assertThat(actual).as("record of line %s", i + 1).isEqualTo(expected);
    }
    assertThat(lines.get(0)).contains("\"occurredAt\":\"2026-03-01T10:15:30.123Z\"");
  }

  /** Returns the JSON text of one field of a JSON line. */
  static String field(String line, String name) {
    try {
      JsonNode node = BaselineJson.mapper().readTree(line).get(name);
      assertThat(node).as("field %s of %s", name, line).isNotNull();
      return node.toString();
    } catch (IOException e) {
      throw new AssertionError("line is not JSON: " + line, e);
    }
  }
}
