package dev.aims.evidence.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.verify.VerificationResult.Layout;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The witnessed line that {@code aims verify} prints under a witness policy. */
class WitnessedTest {
  @Test
  void summary_namesTheCheckpointTheWitnessesAndTheQuorum() {
    assertThat(new Witnessed(5023, "cosignatures/5023.note", List.of("w1.example"), 1, 0).summary())
        .isEqualTo("witnessed: checkpoint 5023 cosigned by w1.example (quorum 1)");
    assertThat(new Witnessed(5023, "f", List.of("w1.example", "w2.example"), 2, 1).summary())
        .isEqualTo(
            "witnessed: checkpoint 5023 cosigned by w1.example, w2.example (quorum 2);"
                + " 1 later entry not witnessed yet");
  }

  @Test
  void resultSummary_addsTheWitnessedLine_andTheOldConstructorHasNone() {
    Witnessed w = new Witnessed(3, "cosignatures/3.note", List.of("w1.example"), 1, 0);
    VerificationResult with =
        new VerificationResult(Layout.AIMS_LOG, 3, 1, 812, List.of(), 0, List.of(), Optional.of(w));
    assertThat(with.summary(Path.of("log")))
        .isEqualTo(
            "OK: evidence log log: 3 entries, 1 checkpoint, 812 bytes\n"
                + "witnessed: checkpoint 3 cosigned by w1.example (quorum 1)\n");
    VerificationResult without =
        new VerificationResult(Layout.AIMS_LOG, 3, 1, 812, List.of(), 0, List.of());
    assertThat(without.witnessed()).isEmpty();
    assertThat(without.summary(Path.of("log")))
        .isEqualTo("OK: evidence log log: 3 entries, 1 checkpoint, 812 bytes\n");
  }
}
