package dev.aims.evidence.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFilesTest {
  @TempDir Path dir;

  @Test
  void replace_writesTheWholeContent_withItsMode_andLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("5.note");
    DurableFiles.replace(target, "first".getBytes(StandardCharsets.UTF_8), "rw-------");
    DurableFiles.replace(target, "second".getBytes(StandardCharsets.UTF_8), "rw-r--r--");
    assertThat(Files.readString(target)).isEqualTo("second");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-r--r--");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void replace_inAMissingDirectory_failsAndWritesNothing() {
    Path target = dir.resolve("absent/5.note");
    assertThatThrownBy(() -> DurableFiles.replace(target, new byte[] {1}, "rw-------"))
        .isInstanceOf(IOException.class);
    assertThat(target.getParent()).doesNotExist();
  }
}
