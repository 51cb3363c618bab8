package dev.aims.benchmarks.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashChainLogTest {
  @TempDir Path dir;

  @Test
  void append_writesAChainThatVerifies() throws Exception {
    Path file = dir.resolve("chain.jsonl");
    SinkFiles.writeSamples(new HashChainLog(file), 300);

    assertThat(HashChainLog.verify(file)).isEqualTo(300);
    SinkFiles.assertEachLineHoldsItsRecord(
        file, 300, line -> line.substring(0, line.lastIndexOf('\t')));
  }

  @Test
  void verify_namesTheLineWhoseRecordChanged() throws Exception {
    Path file = dir.resolve("chain.jsonl");
    SinkFiles.writeSamples(new HashChainLog(file), 50);
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    lines.set(30, lines.get(30).replace("\"confidence\":\"0.", "\"confidence\":\"1."));
    Files.write(file, lines, StandardCharsets.UTF_8);

    assertThatThrownBy(() -> HashChainLog.verify(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("line 31")
        .hasMessageContaining("does not match");
  }

  @Test
  void verify_rejectsAHashWithALetterUpperCased() throws Exception {
    Path file = dir.resolve("chain.jsonl");
    SinkFiles.writeSamples(new HashChainLog(file), 5);
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    String line = lines.get(2);
    int tab = line.lastIndexOf('\t');
    int letter = -1;
    for (int i = tab + 1; i < line.length() && letter < 0; i++) {
      if (line.charAt(i) >= 'a' && line.charAt(i) <= 'f') {
        letter = i;
      }
    }
    assertThat(letter).as("a hex letter in the hash of line 3").isPositive();
    lines.set(
        2,
        line.substring(0, letter)
            + Character.toUpperCase(line.charAt(letter))
            + line.substring(letter + 1));
    Files.write(file, lines, StandardCharsets.UTF_8);

    assertThatThrownBy(() -> HashChainLog.verify(file)).hasMessageContaining("line 3");
  }

  @Test
  void verify_detectsADeletedLine() throws Exception {
    Path file = dir.resolve("chain.jsonl");
    SinkFiles.writeSamples(new HashChainLog(file), 20);
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    lines.remove(7);
    Files.write(file, lines, StandardCharsets.UTF_8);

    assertThatThrownBy(() -> HashChainLog.verify(file)).hasMessageContaining("line 8");
  }

  @Test
  void verify_rejectsALineWithoutAHash() throws Exception {
    Path file = dir.resolve("chain.jsonl");
    Files.writeString(file, "{\"a\":1}\n");

    assertThatThrownBy(() -> HashChainLog.verify(file))
        .hasMessageContaining("line 1")
        .hasMessageContaining("no tab-separated SHA-256");
  }
}
