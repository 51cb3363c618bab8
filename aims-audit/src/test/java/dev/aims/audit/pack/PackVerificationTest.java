package dev.aims.audit.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.verify.VerificationResult;
import dev.aims.evidence.verify.VerificationResult.Layout;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PackVerificationTest {
  private static final Path PACK = Path.of("packs", "q1");
  private static final VerificationResult LOG =
      new VerificationResult(Layout.AIMS_LOG, 40, 3, 9000, List.of(), 0, List.of());

  @Test
  void summary_ofAnIntactPack_countsFilesEntriesAndCheckpoints() {
    assertThat(new PackVerification(12, Optional.of(LOG), List.of()).summary(PACK, "acme+01"))
        .isEqualTo(
            "OK audit pack "
                + PACK
                + ": manifest signed by acme+01; 12 files match; log 40 entries, 3 checkpoints\n");
  }

  @Test
  void summary_ofABrokenPack_listsEveryProblem() {
    PackProblem changed =
        PackProblem.of(PackProblem.Kind.FILE_CHANGED, "soa.md", "digest differs from the manifest");
    PackProblem record =
        new PackProblem(
            PackProblem.Kind.LOG,
            "log/data",
            OptionalLong.of(7),
            OptionalLong.of(512),
            Optional.empty(),
            "leaf hash differs");
    assertThat(
            new PackVerification(12, Optional.of(LOG), List.of(changed, record))
                .summary(PACK, "acme+01"))
        .isEqualTo(
            "FAILED audit pack "
                + PACK
                + ": 2 problem(s)\n"
                + "  soa.md: digest differs from the manifest\n"
                + "  log/data record 7 byte 512: leaf hash differs\n");
  }

  @Test
  void summary_ofAPackWhoseLogCouldNotBeVerified_isAFailure() {
    assertThat(new PackVerification(3, Optional.empty(), List.of()).summary(PACK, "k"))
        .isEqualTo("FAILED audit pack " + PACK + ": 0 problem(s)\n");
  }
}
