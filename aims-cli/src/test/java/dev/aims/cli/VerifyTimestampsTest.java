package dev.aims.cli;

import static dev.aims.cli.LogFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.audit.pack.AuditPack;
import dev.aims.cli.LogFixtures.Run;
import dev.aims.core.records.AimsRecords;
import dev.aims.evidence.spi.LogStore;
import dev.aims.evidence.store.FileStore;
import dev.aims.timestamp.LocalTsa;
import dev.aims.timestamp.TestPki;
import dev.aims.timestamp.Timestamps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aims verify --tsa-cert}: the log's RFC 3161 timestamps, in a log and in a pack. */
class VerifyTimestampsTest {
  static final TestPki PKI = TestPki.create("Example", TestPki.Usage.TIME_STAMPING);
  static LocalTsa tsa;

  @TempDir Path tmp;
  LogFixtures f;
  Map<Long, String> texts;
  Path cert;
  Path caCert;

  @BeforeAll
  static void startTsa() throws IOException {
    tsa = LocalTsa.start(PKI);
  }

  @AfterAll
  static void stopTsa() {
    tsa.close();
  }

  @BeforeEach
  void timestampTheLog() throws IOException {
    f = new LogFixtures(tmp);
    texts = new TreeMap<>();
    try (FileStore store = FileStore.openReadOnly(f.log);
        Stream<String> notes = store.checkpoints()) {
      notes.forEach(n -> texts.put(LogStore.checkpointOf(n).size(), Timestamps.checkpointText(n)));
    }
    for (Map.Entry<Long, String> e : texts.entrySet()) {
      Timestamps.store(f.log, e.getKey(), tsa.issue(e.getValue()));
    }
    cert = TestPki.writePem(PKI.tsa, tmp.resolve("tsa.pem"));
    caCert = Files.write(tmp.resolve("ca.der"), encoded(PKI));
  }

  private static byte[] encoded(TestPki pki) {
    try {
      return pki.ca.getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Run verify(Path dir, Path tsaCert) {
    return run(
        "verify", dir.toString(), "--key", f.vkey.toString(), "--tsa-cert", tsaCert.toString());
  }

  @Test
  void verify_reportsEachCheckpointsTime() {
    assertThat(texts).containsOnlyKeys(4L, 8L);

    Run r = verify(f.log, cert);

    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("OK: evidence log ")
        .contains(
            "checkpoint 4 timestamped 2026-12-06T13:58:02Z by CN=Test TSA,O=Example"
                + System.lineSeparator()
                + "checkpoint 8 timestamped 2026-12-06T13:58:02Z by CN=Test TSA,O=Example");
    assertThat(verify(f.log, caCert).code()).isZero();
  }

  @Test
  void verify_failsOnATokenForAnotherCheckpoint() throws IOException {
    Timestamps.store(f.log, 4, tsa.issue(texts.get(8L)));

    Run r = verify(f.log, cert);

    assertThat(r.code()).isOne();
    assertThat(r.out()).contains("checkpoint 8 timestamped");
    assertThat(r.err())
        .startsWith("FAILED: timestamp timestamps/4.tsr: IMPRINT: checkpoint 4: message imprint");
  }

  @Test
  void verify_failsOnATokenWithoutACheckpoint_andWithAnotherCertificate() throws IOException {
    Timestamps.store(f.log, 5, tsa.issue(texts.get(8L)));
    Path other =
        TestPki.writePem(
            TestPki.create("Other", TestPki.Usage.TIME_STAMPING).tsa, tmp.resolve("other.pem"));

    Run missing = verify(f.log, cert);
    Run foreign = verify(f.log, other);

    assertThat(missing.code()).isOne();
    assertThat(missing.err())
        .contains(
            "FAILED: timestamp timestamps/5.tsr: CHECKPOINT: the log's checkpoint history has no"
                + " checkpoint of size 5");
    assertThat(foreign.code()).isOne();
    assertThat(foreign.err()).contains("timestamps/4.tsr: SIGNER_CERTIFICATE: ");
  }

  @Test
  void verify_failsWhenThereIsNoTimestamp() throws IOException {
    for (Path p : Timestamps.list(f.log).values()) {
      Files.delete(p);
    }

    Run r = verify(f.log, cert);

    assertThat(r.code()).isOne();
    assertThat(r.out()).startsWith("OK: evidence log ");
    assertThat(r.err())
        .startsWith("FAILED: no timestamps in ")
        .contains("to check with --tsa-cert");
  }

  @Test
  void verify_refusesACertificateFileThatIsNone() throws IOException {
    Path junk = Files.writeString(tmp.resolve("junk.pem"), "not a certificate\n");

    Run r = verify(f.log, junk);
    Run absent = verify(f.log, tmp.resolve("absent.pem"));

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--tsa-cert: TSA certificate file " + junk);
    assertThat(absent.code()).isEqualTo(2);
    assertThat(absent.err()).contains("--tsa-cert: cannot read TSA certificate ");
  }

  @Test
  void verify_checksThePacksCopyOfTheTimestamps() throws IOException {
    AimsRecords records = RecordsDirectory.load(Path.of("../samples/records"));
    Path pack = tmp.resolve("pack");
    AuditPack.builder()
        .records(records)
        .logDirectory(f.log)
        .signer(LogFixtures.SIGNER)
        .asOf(LocalDate.of(2026, 12, 1))
        .write(pack);
    assertThat(pack.resolve("log/timestamps/4.tsr")).isRegularFile();

    Run r = verify(pack, cert);

    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("checkpoint 4 timestamped 2026-12-06T13:58:02Z by CN=Test TSA,O=Example");

    Files.write(pack.resolve("log/timestamps/4.tsr"), tsa.issue(texts.get(8L)));
    Run tampered = verify(pack, cert);

    assertThat(tampered.code()).isOne();
    assertThat(tampered.err())
        .contains("log/timestamps/4.tsr: content differs from the manifest")
        .contains("FAILED: timestamp timestamps/4.tsr: IMPRINT: ");
  }
}
