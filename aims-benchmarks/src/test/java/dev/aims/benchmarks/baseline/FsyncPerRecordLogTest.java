package dev.aims.benchmarks.baseline;

import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsyncPerRecordLogTest {
  @TempDir Path dir;

  @Test
  void append_writesEachRecordAsOneJsonLine() throws Exception {
    Path file = dir.resolve("fsync.jsonl");
    SinkFiles.writeSamples(new FsyncPerRecordLog(file), 40);

    SinkFiles.assertEachLineHoldsItsRecord(file, 40, Function.identity());
  }
}
