package dev.aims.spring.boot.autoconfigure;

import static dev.aims.spring.boot.autoconfigure.TestKeys.ORIGIN;
import static dev.aims.spring.boot.autoconfigure.TestKeys.decision;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.Durability;
import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.FailurePolicy;
import dev.aims.evidence.Receipt;
import dev.aims.evidence.genai.ContentCapture;
import dev.aims.evidence.note.NoteVerifier;
import dev.aims.evidence.verify.LogVerifier;
import dev.aims.evidence.verify.VerificationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class AimsEvidenceAutoConfigurationTest {
  @TempDir Path tmp;
  TestKeys.Written key;
  Path dir;

  final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  AimsEvidenceAutoConfiguration.class, AimsAiAutoConfiguration.class));

  @BeforeEach
  void keys() throws Exception {
    key = TestKeys.write(tmp.resolve("keys"), ORIGIN);
    dir = tmp.resolve("evidence");
  }

  private ApplicationContextRunner fileLog() {
    return runner.withPropertyValues(
        "aims.evidence.directory=" + dir, "aims.evidence.signer-key=" + key.skey());
  }

  @Test
  void fileStore_opensALogThatStoresChecksAndVerifies() {
    fileLog()
        .withPropertyValues("aims.evidence.durability=durable")
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(EvidenceLog.class);
              EvidenceLog log = context.getBean(EvidenceLog.class);
              assertThat(log.origin()).isEqualTo(ORIGIN);
              assertThat(log.verifier()).isEqualTo(key.signer().verifier());
              Receipt r = log.append(decision(1));
              assertThat(r.status()).isEqualTo(Receipt.Status.DURABLE);
              log.append(decision(2));
              log.flush();
              String note = log.checkpoint();
              assertThat(note).startsWith(ORIGIN + "\n2\n");
              assertThat(log.stats().lastCheckpointSize()).contains(2L);
            });
    NoteVerifier vkey = NoteVerifier.parse(readString(key.vkey()));
    VerificationResult result = LogVerifier.verify(dir, vkey);
    assertThat(result.ok()).as(result.toString()).isTrue();
  }

  @Test
  void properties_reachTheLog() {
    fileLog()
        .withPropertyValues(
            "aims.evidence.origin=" + ORIGIN,
            "aims.evidence.failure-policy=report-and-continue",
            "aims.evidence.queue-capacity=8",
            "aims.evidence.checkpoint.records=1",
            "aims.evidence.checkpoint.interval=10m",
            "aims.evidence.allow-plain-values=true",
            "aims.ai.system=credit-scoring",
            "aims.ai.model-version=4.2.0",
            "aims.ai.content=redacted-summary")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              EvidenceLog log = context.getBean(EvidenceLog.class);
              assertThat(log.toString()).contains("REPORT_AND_CONTINUE", "ASYNC");
              log.append(decision(1));
              log.flush();
              // checkpoint.records=1: the batch got its checkpoint without being asked.
              assertThat(log.stats().checkpointedSize()).isEqualTo(1);
              AimsEvidenceProperties p = context.getBean(AimsEvidenceProperties.class);
              assertThat(p.queueCapacity()).isEqualTo(8);
              assertThat(p.failurePolicy()).isEqualTo(FailurePolicy.REPORT_AND_CONTINUE);
              assertThat(p.durability()).isEqualTo(Durability.ASYNC);
              AimsAiProperties ai = context.getBean(AimsAiProperties.class);
              assertThat(ai.system()).isEqualTo("credit-scoring");
              assertThat(ai.modelVersion()).isEqualTo("4.2.0");
              assertThat(ai.content()).isEqualTo(ContentCapture.REDACTED_SUMMARY);
            });
  }

  @Test
  void defaults_areTheBuildersAndTheDocumentedOnes() {
    runner
        .withPropertyValues("aims.evidence.enabled=false")
        .run(
            context -> {
              AimsAiProperties ai = context.getBean(AimsAiProperties.class);
              assertThat(ai.content()).isEqualTo(ContentCapture.COMMITMENT);
              assertThat(ai.system()).isNull();
            });
    fileLog()
        .run(
            context -> {
              AimsEvidenceProperties p = context.getBean(AimsEvidenceProperties.class);
              assertThat(p.enabled()).isTrue();
              assertThat(p.store()).isEqualTo(AimsEvidenceProperties.Store.FILE);
              assertThat(p.queueCapacity())
                  .isEqualTo(dev.aims.evidence.EvidenceLogBuilder.DEFAULT_QUEUE_CAPACITY);
              assertThat(p.checkpoint().records())
                  .isEqualTo(dev.aims.evidence.EvidenceLogBuilder.DEFAULT_CHECKPOINT_RECORDS);
              assertThat(p.checkpoint().interval())
                  .isEqualTo(dev.aims.evidence.EvidenceLogBuilder.DEFAULT_CHECKPOINT_INTERVAL);
              assertThat(p.failurePolicy()).isEqualTo(FailurePolicy.FAIL_CLOSED);
              assertThat(p.postgres().migrate()).isTrue();
              assertThat(p.health().maxCheckpointAge()).hasMinutes(5);
            });
  }

  @Test
  void signerKey_asKeyTextFromTheEnvironment_isAccepted() {
    runner
        .withPropertyValues(
            "aims.evidence.directory=" + dir, "aims.evidence.signer-key=" + key.signer().skey())
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(EvidenceLog.class).verifier())
                  .isEqualTo(key.signer().verifier());
            });
  }

  @Test
  void signerKey_asFileResourceLocation_isAccepted() {
    runner
        .withPropertyValues(
            "aims.evidence.directory=" + dir,
            "aims.evidence.signer-key=" + key.skey().toUri().toString())
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(EvidenceLog.class));
  }

  @Test
  void previousSignerKey_rotatesTheKeyWhenTheLogOpens() throws Exception {
    TestKeys.Written next = TestKeys.write(tmp.resolve("next"), ORIGIN);
    fileLog().run(context -> context.getBean(EvidenceLog.class).append(decision(1)));
    runner
        .withPropertyValues(
            "aims.evidence.directory=" + dir,
            "aims.evidence.signer-key=" + next.skey(),
            "aims.evidence.previous-signer-key=" + key.skey())
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              EvidenceLog log = context.getBean(EvidenceLog.class);
              assertThat(log.verifier()).isEqualTo(next.signer().verifier());
              // The decision, then the key rotation record.
              assertThat(log.size()).isEqualTo(2);
            });
    VerificationResult result =
        LogVerifier.builder()
            .key(key.signer().verifier())
            .followKeyRotations(true)
            .build()
            .verify(dir);
    assertThat(result.ok()).as(result.toString()).isTrue();
  }

  @Test
  void userSuppliedLog_wins() {
    fileLog()
        .withUserConfiguration(OwnLog.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(EvidenceLog.class);
              assertThat(context.getBean(EvidenceLog.class)).isSameAs(EvidenceLog.noop());
              // The configured one was never opened: its directory was not even created.
              assertThat(dir).doesNotExist();
            });
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnLog {
    @Bean
    EvidenceLog ownLog() {
      return EvidenceLog.noop();
    }
  }

  @Test
  void listenerBean_hearsTheLogsCheckpoints() {
    java.util.List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
    fileLog()
        .withBean(
            dev.aims.evidence.EvidenceListener.class,
            () ->
                new dev.aims.evidence.EvidenceListener() {
                  @Override
                  public void onCheckpoint(String signedNote) {
                    notes.add(signedNote);
                  }
                })
        .run(
            context -> {
              EvidenceLog log = context.getBean(EvidenceLog.class);
              log.append(decision(1));
              String note = log.checkpoint();
              assertThat(notes).contains(note);
            });
  }

  @Test
  void disabled_leavesTheApplicationWithoutALog() {
    fileLog()
        .withPropertyValues("aims.evidence.enabled=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed().doesNotHaveBean(EvidenceLog.class);
              assertThat(dir).doesNotExist();
            });
  }

  @Test
  void contextClose_closesTheLogWithAFinalCheckpointAndReleasesTheDirectory() {
    AtomicReference<EvidenceLog> opened = new AtomicReference<>();
    fileLog()
        .withPropertyValues("aims.evidence.checkpoint.interval=1d")
        .run(
            context -> {
              EvidenceLog log = context.getBean(EvidenceLog.class);
              opened.set(log);
              log.append(decision(1));
              log.flush();
              assertThat(log.stats().checkpointedSize()).isZero();
            });
    assertThat(opened.get().stats().closed()).isTrue();
    assertThat(opened.get().stats().checkpointedSize()).isEqualTo(1);
    // The directory lock was released: another log opens the same directory.
    try (EvidenceLog again =
        EvidenceLog.builder().directory(dir).signer(key.signer()).origin(ORIGIN).build()) {
      assertThat(again.size()).isEqualTo(1);
    }
  }

  @Test
  void whileRunning_theDirectoryIsLockedAgainstASecondLog() {
    fileLog()
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              fileLog()
                  .run(
                      second -> {
                        assertThat(second).hasFailed();
                        assertThat(StartupFailures.of(second))
                            .startsWith("aims.evidence.directory=" + dir + ": ");
                      });
            });
  }

  private static String readString(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
