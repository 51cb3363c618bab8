package dev.aims.timestamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimestampVerifierTest {
  static final TestPki PKI = TestPki.create("Example", TestPki.Usage.TIME_STAMPING);
  static final String TEXT = Checkpoints.of(5023).format();
  static LocalTsa tsa;

  @TempDir Path tmp;

  @BeforeAll
  static void startTsa() throws Exception {
    tsa = LocalTsa.start(PKI);
  }

  @AfterAll
  static void stopTsa() {
    tsa.close();
  }

  static TimestampCheck refusal(TestPki trusted, byte[] token, String text) {
    return refusal(TimestampVerifier.of(trusted.tsa), token, text);
  }

  static TimestampCheck refusal(TimestampVerifier v, byte[] token, String text) {
    try {
      v.verify(token, text);
    } catch (TimestampVerificationException e) {
      return e.check();
    }
    throw new AssertionError("token was accepted");
  }

  @Test
  void verify_acceptsTheTsaCertificate_andTheCaThatIssuedIt() throws Exception {
    byte[] token = tsa.issue(TEXT);

    VerifiedTimestamp own = TimestampVerifier.of(PKI.tsa).verify(token, TEXT);
    VerifiedTimestamp byCa = TimestampVerifier.of(PKI.ca).verify(token, TEXT);

    assertThat(own.genTime()).isEqualTo(LocalTsa.GEN_TIME);
    assertThat(own.tsaName()).isEqualTo("CN=Test TSA,O=Example");
    assertThat(byCa).isEqualTo(own);
  }

  @Test
  void verify_tokenForAnotherCheckpoint_failsTheImprint() {
    byte[] token = tsa.issue(Checkpoints.of(5022).format());

    assertThatThrownBy(() -> TimestampVerifier.of(PKI.tsa).verify(token, TEXT))
        .isInstanceOf(TimestampVerificationException.class)
        .hasMessageContaining("is not SHA-256 of the checkpoint text")
        .hasMessageContaining("another checkpoint");
    assertThat(refusal(PKI, token, TEXT)).isEqualTo(TimestampCheck.IMPRINT);
  }

  @Test
  void verify_tokenWithAMovedTime_failsTheSignature() {
    byte[] token = tsa.issue(TEXT);
    String time = "20261206135802Z";
    String latin = new String(token, StandardCharsets.ISO_8859_1);
    int at = latin.indexOf(time);
    assertThat(at).isPositive();
    token[at + time.length() - 2] = '9';

    assertThat(refusal(PKI, token, TEXT)).isEqualTo(TimestampCheck.SIGNATURE);
  }

  @Test
  void verify_tokenWithAChangedSignature_failsTheSignature() {
    byte[] token = tsa.issue(TEXT);
    token[token.length - 1] ^= 1;

    assertThat(refusal(PKI, token, TEXT)).isEqualTo(TimestampCheck.SIGNATURE);
  }

  @Test
  void verify_bytesThatAreNoToken_failTheFormat() {
    assertThat(refusal(PKI, new byte[] {0x30, 0x00}, TEXT)).isEqualTo(TimestampCheck.TOKEN_FORMAT);
    byte[] token = tsa.issue(TEXT);
    byte[] cut = java.util.Arrays.copyOf(token, token.length / 2);
    assertThat(refusal(PKI, cut, TEXT)).isEqualTo(TimestampCheck.TOKEN_FORMAT);
  }

  @Test
  void verify_withAnotherCertificate_failsTheSigner() {
    TestPki other = TestPki.create("Other", TestPki.Usage.TIME_STAMPING);
    byte[] token = tsa.issue(TEXT);

    assertThatThrownBy(() -> TimestampVerifier.of(other.tsa).verify(token, TEXT))
        .hasMessageContaining("signed by CN=Test TSA,O=Example")
        .hasMessageContaining("neither the given certificate CN=Test TSA,O=Other nor issued by it");
    assertThat(refusal(other, token, TEXT)).isEqualTo(TimestampCheck.SIGNER_CERTIFICATE);
    assertThat(refusal(TimestampVerifier.of(other.ca), token, TEXT))
        .isEqualTo(TimestampCheck.SIGNER_CERTIFICATE);
  }

  @Test
  void verify_caOfTheSameNameButAnotherKey_failsTheSigner() {
    TestPki impostor = TestPki.create("Example", TestPki.Usage.TIME_STAMPING);
    byte[] token = tsa.issue(TEXT);

    assertThatThrownBy(() -> TimestampVerifier.of(impostor.ca).verify(token, TEXT))
        .hasMessageContaining("its signature does not verify with that certificate's key");
  }

  @Test
  void verify_tokenWithoutCertificates_needsTheTsaCertificateItself() throws Exception {
    byte[] token = tsa.issue(TEXT, false);

    assertThat(TimestampVerifier.of(PKI.tsa).verify(token, TEXT).genTime())
        .isEqualTo(LocalTsa.GEN_TIME);
    assertThatThrownBy(() -> TimestampVerifier.of(PKI.ca).verify(token, TEXT))
        .hasMessageContaining("carries no signer certificate");
  }

  @Test
  void verify_certificateWithoutTheTimeStampingUsage_failsTheUsage() throws Exception {
    for (TestPki.Usage usage :
        new TestPki.Usage[] {TestPki.Usage.NONE, TestPki.Usage.TIME_STAMPING_NOT_CRITICAL}) {
      TestPki weak = TestPki.create("Weak", usage);
      try (LocalTsa weakTsa = LocalTsa.start(weak)) {
        byte[] token = weakTsa.issue(TEXT);
        assertThat(refusal(weak, token, TEXT))
            .as("%s", usage)
            .isEqualTo(TimestampCheck.EXTENDED_KEY_USAGE);
      }
    }
  }

  @Test
  void verify_tokenOutsideTheCertificatesValidity_failsTheValidity() throws Exception {
    try (LocalTsa late = LocalTsa.start(PKI)) {
      late.genTime(Instant.parse("2040-01-01T00:00:00Z"));
      byte[] token = late.issue(TEXT);

      assertThatThrownBy(() -> TimestampVerifier.of(PKI.tsa).verify(token, TEXT))
          .hasMessageContaining("was not valid at the token's time 2040-01-01T00:00:00Z");
      assertThat(refusal(PKI, token, TEXT)).isEqualTo(TimestampCheck.CERTIFICATE_VALIDITY);
    }
  }

  @Test
  void readCertificate_readsPemAndDer_andNamesAFileThatIsNeither() throws Exception {
    Path pem = TestPki.writePem(PKI.tsa, tmp.resolve("tsa.pem"));
    Path der = Files.write(tmp.resolve("tsa.der"), PKI.tsa.getEncoded());
    Path junk = Files.writeString(tmp.resolve("tsa.txt"), "not a certificate");

    assertThat(TimestampVerifier.readCertificate(pem)).isEqualTo(PKI.tsa);
    assertThat(TimestampVerifier.readCertificate(der)).isEqualTo(PKI.tsa);
    assertThatThrownBy(() -> TimestampVerifier.readCertificate(junk))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(junk.toString())
        .hasMessageContaining("does not hold an X.509 certificate");
  }
}
