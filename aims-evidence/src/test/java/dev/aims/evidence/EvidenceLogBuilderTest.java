package dev.aims.evidence;

import static dev.aims.evidence.TestRecords.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.note.NoteSigner;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceLogBuilderTest {
  static final NoteSigner KEY = NoteSigner.generate("example.com/test");
  static final NoteSigner OTHER = NoteSigner.generate("example.com/other");

  @TempDir Path dir;

  @Test
  void build_withoutStorageSignerOrOrigin_namesTheMissingSetting() {
    assertThatThrownBy(() -> EvidenceLog.builder().signer(KEY).origin("o").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("directory or store must be set");
    assertThatThrownBy(() -> EvidenceLog.builder().directory(dir).origin("o").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("signer must be set");
    assertThatThrownBy(() -> EvidenceLog.builder().directory(dir).signer(KEY).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("origin must be set");
  }

  @Test
  void settings_areCheckedWhenSetAndNameTheValue() {
    EvidenceLogBuilder b = EvidenceLog.builder();
    assertThatThrownBy(() -> b.queueCapacity(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("queueCapacity must be between 1 and 16777216, but was 0");
    assertThatThrownBy(() -> b.checkpointEvery(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("checkpointEvery records must be positive, but was 0");
    assertThatThrownBy(() -> b.checkpointEvery(10, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("checkpointEvery interval must be between 1 ms and 1 day, but was PT0S");
    assertThatThrownBy(() -> b.origin(" example.com/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("origin ' example.com/x' must not start or end with white space");
    assertThatThrownBy(() -> b.origin("a\nb"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("control characters");
    assertThatThrownBy(() -> b.origin(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("origin '' must not be blank");
    b.directory(dir);
    assertThatThrownBy(() -> b.store(new ControlledStore()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("directory was already set to " + dir);
    assertThatThrownBy(() -> b.signer(KEY).previousSigner(KEY).origin("o").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("previousSigner")
        .hasMessageContaining("same key");
  }

  @Test
  void build_withAKeyThatDidNotSignTheLog_failsAndLeavesTheDirectoryFree() {
    try (EvidenceLog log =
        EvidenceLog.builder().directory(dir).signer(KEY).origin("example.com/test").build()) {
      log.append(decision(0));
    }
    assertThatThrownBy(
            () ->
                EvidenceLog.builder()
                    .directory(dir)
                    .signer(OTHER)
                    .origin("example.com/test")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("signer NoteSigner{example.com/other+")
        .hasMessageContaining("did not sign the latest checkpoint")
        .hasMessageContaining("previousSigner");
    assertThat(EvidenceLogTest.writerThreads()).isEmpty();
    try (EvidenceLog log =
        EvidenceLog.builder().directory(dir).signer(KEY).origin("example.com/test").build()) {
      assertThat(log.size()).isEqualTo(1);
    }
  }
}
