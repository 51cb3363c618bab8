package dev.aims.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.benchmarks.baseline.HashChainLog;
import dev.aims.evidence.store.FileStore;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.VerificationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrebuiltLogsTest {
  @TempDir Path dir;
  private String previous;

  @BeforeEach
  void useTempDir() {
    previous = System.getProperty("aims.bench.dir");
    System.setProperty("aims.bench.dir", dir.toString());
  }

  @AfterEach
  void restore() {
    if (previous == null) {
      System.clearProperty("aims.bench.dir");
    } else {
      System.setProperty("aims.bench.dir", previous);
    }
  }

  @Test
  void evidenceLog_holdsEveryRecordAndVerifiesWithItsKey() throws Exception {
    Path log = PrebuiltLogs.evidenceLog(2_000);

    assertThat(log).startsWith(dir);
    try (FileStore store = FileStore.openReadOnly(log)) {
      assertThat(store.size()).isEqualTo(2_000);
    }
    VerificationResult result = LogVerifier.verify(log, PrebuiltLogs.signer(log).verifier());
    assertThat(result.ok()).as("%s", result).isTrue();
    assertThat(result.entries()).isEqualTo(2_000);
    assertThat(result.checkpoints()).isPositive();
  }

  @Test
  void evidenceLog_isBuiltOnceAndReused() throws Exception {
    Path first = PrebuiltLogs.evidenceLog(100);
    long modified = Files.getLastModifiedTime(first.resolve("entries.data")).toMillis();

    assertThat(PrebuiltLogs.evidenceLog(100)).isEqualTo(first);
    assertThat(Files.getLastModifiedTime(first.resolve("entries.data")).toMillis())
        .isEqualTo(modified);
    assertThat(BenchFiles.root().resolve("scratch")).isEmptyDirectory();
  }

  @Test
  void hashChain_verifies() {
    Path chain = PrebuiltLogs.hashChain(500);

    assertThat(HashChainLog.verify(chain)).isEqualTo(500);
  }
}
