package dev.aims.spring.boot.autoconfigure;

import static dev.aims.spring.boot.autoconfigure.TestKeys.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.EvidenceLog;
import dev.aims.evidence.note.NoteSigner;
import dev.aims.spring.boot.EvidenceConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Each property that cannot work fails start-up with a message naming the property and its value,
 * and never a key.
 */
class EvidenceConfigurationErrorsTest {
  @TempDir Path tmp;
  TestKeys.Written key;
  Path dir;

  final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(AimsEvidenceAutoConfiguration.class));

  @BeforeEach
  void keys() throws Exception {
    key = TestKeys.write(tmp.resolve("keys"), ORIGIN);
    dir = tmp.resolve("evidence");
  }

  /** Runs with the properties and hands over the configuration exception start-up failed with. */
  private void failsWith(Consumer<EvidenceConfigurationException> check, String... properties) {
    runner
        .withPropertyValues(properties)
        .run(
            context -> {
              assertThat(context).hasFailed();
              EvidenceConfigurationException e = StartupFailures.exception(context);
              assertNoKeyMaterial(context);
              check.accept(e);
            });
  }

  private void assertNoKeyMaterial(AssertableApplicationContext context) {
    // PRIVATE+KEY+<name>+<hex8 id>+<base64 key>: the key part (base64 may itself hold '+').
    String skey = key.signer().skey();
    String seed = skey.substring(("PRIVATE+KEY+" + ORIGIN + "+").length() + 9);
    assertThat(seed).hasSizeGreaterThan(40);
    for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(seed).doesNotContain("PRIVATE+KEY");
    }
  }

  @Test
  void signerKeyNotSet_namesTheProperty() {
    failsWith(
        e -> {
          assertThat(e.getMessage())
              .isEqualTo(
                  "aims.evidence.signer-key is not set: the log needs the key that signs its"
                      + " checkpoints");
          assertThat(e.action()).contains("aims keygen");
        },
        "aims.evidence.directory=" + dir);
  }

  @Test
  void directoryNotSet_namesTheProperty() {
    failsWith(
        e ->
            assertThat(e.getMessage())
                .isEqualTo(
                    "aims.evidence.directory is not set: aims.evidence.store=file keeps the log in"
                        + " a directory"),
        "aims.evidence.signer-key=" + key.skey());
  }

  @Test
  void directoryIsAFile_namesThePropertyAndValue() throws Exception {
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
    failsWith(
        e ->
            assertThat(e.getMessage())
                .isEqualTo("aims.evidence.directory=" + file + ": is a file, not a directory"),
        "aims.evidence.directory=" + file,
        "aims.evidence.signer-key=" + key.skey());
  }

  @Test
  void unknownStore_failsBindingNamingThePropertyAndValue() {
    runner
        .withPropertyValues(
            "aims.evidence.store=mongo",
            "aims.evidence.directory=" + dir,
            "aims.evidence.signer-key=" + key.skey())
        .run(
            context -> {
              assertThat(context).hasFailed();
              BindException bind = find(context.getStartupFailure(), BindException.class);
              assertThat(bind.getName().toString()).isEqualTo("aims.evidence.store");
              assertThat(bind.getProperty().getValue()).isEqualTo("mongo");
              // Spring Boot's own analyzer reports it with the value and the valid ones.
              FailureAnalysis analysis = analyze(context.getStartupFailure());
              assertThat(analysis.getDescription()).contains("aims.evidence.store", "\"mongo\"");
              assertThat(analysis.getAction()).contains("FILE", "POSTGRES");
            });
  }

  @Test
  void postgresWithoutDataSource_namesTheStoreAndTheMissingBean() {
    failsWith(
        e -> {
          assertThat(e.getMessage())
              .startsWith(
                  "aims.evidence.store=postgres: the log needs the application's DataSource bean");
          assertThat(e.action()).contains("DataSource");
        },
        "aims.evidence.store=postgres",
        "aims.evidence.signer-key=" + key.skey());
  }

  @Test
  void signerKeyFileMissing_namesThePropertyAndFile() {
    Path missing = tmp.resolve("keys/missing.skey");
    failsWith(
        e ->
            assertThat(e.getMessage())
                .isEqualTo("aims.evidence.signer-key=" + missing + ": no such signer key file"),
        "aims.evidence.directory=" + dir,
        "aims.evidence.signer-key=" + missing);
  }

  @Test
  void signerKeyIsADirectory_namesThePropertyAndFile() {
    Path directory = tmp.resolve("keys");
    failsWith(
        e ->
            assertThat(e.getMessage())
                .isEqualTo(
                    "aims.evidence.signer-key="
                        + directory
                        + ": is a directory, not a signer key file"),
        "aims.evidence.directory=" + dir,
        "aims.evidence.signer-key=" + directory);
  }

  @Test
  void signerKeyIsTheVerifierKey_saysToPassTheSkey() {
    failsWith(
        e ->
            assertThat(e.getMessage())
                .isEqualTo(
                    "aims.evidence.signer-key="
                        + key.vkey()
                        + ": not a signer key: this is a verifier key (public); pass its signer"
                        + " key (.skey)"),
        "aims.evidence.directory=" + dir,
        "aims.evidence.signer-key=" + key.vkey());
  }

  @Test
  void signerKeyFileDamaged_neverRepeatsItsContent() throws Exception {
    String skey = key.signer().skey();
    // The key's id no longer matches its key: the file still holds the (secret) seed.
    Path damaged = Files.writeString(tmp.resolve("damaged.skey"), flipKeyId(skey));
    failsWith(
        e -> {
          assertThat(e.getMessage())
              .startsWith("aims.evidence.signer-key=" + damaged + ": not a signer key: ");
          assertThat(e.getMessage()).doesNotContain(flipKeyId(skey));
        },
        "aims.evidence.directory=" + dir,
        "aims.evidence.signer-key=" + damaged);
  }

  @Test
  void signerKeyTextDamaged_isNotRepeated() {
    failsWith(
        e -> {
          assertThat(e.getMessage())
              .startsWith(
                  "aims.evidence.signer-key (value not repeated: it may be key material): not a"
                      + " signer key: ");
          assertThat(e.value()).isEmpty();
        },
        "aims.evidence.directory=" + dir,
        "aims.evidence.signer-key=" + flipKeyId(key.signer().skey()));
  }

  @Test
  void signerKeyLookingLikeKeyMaterial_isNotRepeated() {
    String material = Base64.getEncoder().encodeToString(new byte[33]);
    failsWith(
        e -> {
          assertThat(e.getMessage()).doesNotContain(material);
          assertThat(e.getMessage()).contains("no such signer key file");
        },
        "aims.evidence.directory=" + dir,
        "aims.evidence.signer-key=" + material);
  }

  @Test
  void originOtherThanTheKeyName_namesBoth() {
    failsWith(
        e -> {
          assertThat(e.getMessage())
              .startsWith(
                  "aims.evidence.origin=example.com/other-system: differs from the name '"
                      + ORIGIN
                      + "' of the signer key in aims.evidence.signer-key");
          assertThat(e.action()).contains("'" + ORIGIN + "'");
        },
        "aims.evidence.directory=" + dir,
        "aims.evidence.signer-key=" + key.skey(),
        "aims.evidence.origin=example.com/other-system");
  }

  @Test
  void existingLogOfAnotherKey_namesTheSignerKeyProperty() throws Exception {
    NoteSigner other = NoteSigner.generate(ORIGIN);
    EvidenceLog.builder().directory(dir).signer(other).origin(ORIGIN).build().close();
    failsWith(
        e -> {
          assertThat(e.property()).isEqualTo("aims.evidence.signer-key");
          assertThat(e.getMessage())
              .startsWith("aims.evidence.signer-key=" + key.skey() + ": signer ")
              .contains("did not sign the latest checkpoint of the log in " + dir);
        },
        "aims.evidence.directory=" + dir,
        "aims.evidence.signer-key=" + key.skey());
  }

  @Test
  void previousSignerKeyOfAnotherName_namesBothKeys() throws Exception {
    TestKeys.Written other = TestKeys.write(tmp.resolve("other"), "example.com/other-system");
    failsWith(
        e ->
            assertThat(e.getMessage())
                .isEqualTo(
                    "aims.evidence.previous-signer-key="
                        + other.skey()
                        + ": is named 'example.com/other-system', but the key in"
                        + " aims.evidence.signer-key '"
                        + ORIGIN
                        + "': both keys of a rotation carry the log's origin"),
        "aims.evidence.directory=" + dir,
        "aims.evidence.signer-key=" + key.skey(),
        "aims.evidence.previous-signer-key=" + other.skey());
  }

  @Test
  void previousSignerKeyMissing_namesItsProperty() {
    Path missing = tmp.resolve("keys/old.skey");
    failsWith(
        e ->
            assertThat(e.getMessage())
                .isEqualTo(
                    "aims.evidence.previous-signer-key=" + missing + ": no such signer key file"),
        "aims.evidence.directory=" + dir,
        "aims.evidence.signer-key=" + key.skey(),
        "aims.evidence.previous-signer-key=" + missing);
  }

  @Test
  void queueCapacityOutOfRange_namesThePropertyAndValue() {
    failsWith(
        e ->
            assertThat(e.getMessage())
                .isEqualTo("aims.evidence.queue-capacity=0: must be between 1 and 16777216"),
        "aims.evidence.directory=" + dir,
        "aims.evidence.signer-key=" + key.skey(),
        "aims.evidence.queue-capacity=0");
  }

  @Test
  void checkpointSettingsOutOfRange_nameThePropertyAndValue() {
    failsWith(
        e ->
            assertThat(e.getMessage())
                .isEqualTo("aims.evidence.checkpoint.records=0: must be positive"),
        "aims.evidence.directory=" + dir,
        "aims.evidence.signer-key=" + key.skey(),
        "aims.evidence.checkpoint.records=0");
    failsWith(
        e ->
            assertThat(e.getMessage())
                .isEqualTo("aims.evidence.checkpoint.interval=PT0S: must be between 1ms and 1d"),
        "aims.evidence.directory=" + dir,
        "aims.evidence.signer-key=" + key.skey(),
        "aims.evidence.checkpoint.interval=0s");
  }

  @Test
  void failureAnalyzer_isRegisteredAndDescribesThePropertyAndTheAction() {
    assertThat(analyzers()).hasAtLeastOneElementOfType(EvidenceConfigurationFailureAnalyzer.class);
    runner
        .withPropertyValues(
            "aims.evidence.directory=" + dir,
            "aims.evidence.signer-key=" + key.skey(),
            "aims.evidence.origin=example.com/other-system")
        .run(
            context -> {
              FailureAnalysis analysis =
                  new EvidenceConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
              assertThat(analysis).isNotNull();
              assertThat(analysis.getDescription())
                  .startsWith(
                      "The AIMS evidence log could not be opened:"
                          + " aims.evidence.origin=example.com/other-system: differs from the name");
              assertThat(analysis.getAction())
                  .startsWith("Set aims.evidence.origin to '" + ORIGIN + "'");
              assertThat(analysis.getCause()).isInstanceOf(EvidenceConfigurationException.class);
            });
  }

  /** The failure analyzers registered in spring.factories that can be made without a context. */
  private static List<FailureAnalyzer> analyzers() {
    return SpringFactoriesLoader.forDefaultResourceLocation()
        .load(FailureAnalyzer.class, null, (type, name, failure) -> {});
  }

  /** Analyses a start-up failure as Spring Boot does: the first analyzer that knows it. */
  private static FailureAnalysis analyze(Throwable failure) {
    for (FailureAnalyzer analyzer : analyzers()) {
      FailureAnalysis analysis = analyzer.analyze(failure);
      if (analysis != null) {
        return analysis;
      }
    }
    throw new AssertionError("no analyzer knows", failure);
  }

  private static String flipKeyId(String skey) {
    String[] parts = skey.split("\\+", -1);
    // PRIVATE+KEY+<name>+<hex8 id>+<base64 key>: change the id's last hex digit (the name has no
    // '+', the base64 key may).
    int id = 3;
    char last = parts[id].charAt(7);
    parts[id] = parts[id].substring(0, 7) + (last == '0' ? '1' : '0');
    return String.join("+", parts);
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in", t);
  }
}
