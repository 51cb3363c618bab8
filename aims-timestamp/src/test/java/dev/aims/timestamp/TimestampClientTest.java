package dev.aims.timestamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimestampClientTest {
  static final TestPki PKI = TestPki.create("Example", TestPki.Usage.TIME_STAMPING);
  static LocalTsa tsa;
  static final String TEXT = Checkpoints.of(5023).format();

  TimestampClient client;

  @BeforeAll
  static void startTsa() throws Exception {
    tsa = LocalTsa.start(PKI);
  }

  @AfterAll
  static void stopTsa() {
    tsa.close();
  }

  @BeforeEach
  void grant() {
    tsa.answer(LocalTsa.Answer.GRANT);
    client = TimestampClient.builder().url(tsa.url()).timeout(Duration.ofSeconds(20)).build();
  }

  @Test
  void timestamp_returnsATokenThatVerifiesForTheCheckpointText() throws Exception {
    byte[] token = client.timestamp(TEXT);

    VerifiedTimestamp t = TimestampVerifier.of(PKI.tsa).verify(token, TEXT);
    assertThat(t.genTime()).isEqualTo(LocalTsa.GEN_TIME);
    assertThat(t.tsaName()).isEqualTo("CN=Test TSA,O=Example");
    assertThat(t.policy()).isEqualTo(LocalTsa.POLICY);
  }

  @Test
  void timestamp_sendsAQueryWithTheImprintOfTheText_aNonce_andCertReq() throws Exception {
    client.timestamp(TEXT);
    client.timestamp(TEXT);

    assertThat(tsa.lastContentType()).isEqualTo("application/timestamp-query");
    TimeStampRequest req = new TimeStampRequest(tsa.lastRequest());
    assertThat(req.getMessageImprintAlgOID()).isEqualTo(TSPAlgorithms.SHA256);
    assertThat(req.getMessageImprintDigest())
        .isEqualTo(
            MessageDigest.getInstance("SHA-256").digest(TEXT.getBytes(StandardCharsets.UTF_8)));
    assertThat(req.getCertReq()).isTrue();
    assertThat(req.getNonce()).isNotNull();
  }

  @Test
  void timestamp_differentNoncesPerRequest() throws Exception {
    client.timestamp(TEXT);
    TimeStampRequest first = new TimeStampRequest(tsa.lastRequest());
    client.timestamp(TEXT);
    TimeStampRequest second = new TimeStampRequest(tsa.lastRequest());
    assertThat(first.getNonce()).isNotEqualTo(second.getNonce());
  }

  @Test
  void timestamp_refusedByTheTsa_carriesStatusAndFailureInfo() {
    tsa.answer(LocalTsa.Answer.REJECT);

    TsaRefusedException e =
        catchThrowableOfType(() -> client.timestamp(TEXT), TsaRefusedException.class);

    assertThat(e.status()).isEqualTo(2);
    assertThat(e.statusText()).contains("algorithm not supported here");
    assertThat(e.failureInfo()).containsExactly("badAlg");
    assertThat(e)
        .hasMessageContaining(tsa.url().toString())
        .hasMessageContaining("status 2 (rejection)")
        .hasMessageContaining("failure info badAlg");
  }

  @Test
  void timestamp_tsaDown_isUnreachable() throws Exception {
    URI down = LocalTsa.downUrl();
    TimestampClient c = TimestampClient.builder().url(down).build();

    assertThatThrownBy(() -> c.timestamp(TEXT))
        .isInstanceOf(TsaUnreachableException.class)
        .hasMessageContaining(down.toString())
        .hasMessageContaining("unreachable");
  }

  @Test
  void timestamp_httpError_isUnreachable() {
    tsa.answer(LocalTsa.Answer.HTTP_500);

    assertThatThrownBy(() -> client.timestamp(TEXT))
        .isInstanceOf(TsaUnreachableException.class)
        .hasMessageContaining("answered HTTP 500");
  }

  @Test
  void timestamp_otherNonce_isAMismatch() {
    tsa.answer(LocalTsa.Answer.WRONG_NONCE);

    assertThatThrownBy(() -> client.timestamp(TEXT))
        .isInstanceOf(TsaResponseException.class)
        .hasMessageContaining("answered a different request: nonce");
  }

  @Test
  void timestamp_otherImprint_isAMismatch() {
    tsa.answer(LocalTsa.Answer.WRONG_IMPRINT);

    assertThatThrownBy(() -> client.timestamp(TEXT))
        .isInstanceOf(TsaResponseException.class)
        .hasMessageContaining("answered a different request: message imprint");
  }

  @Test
  void timestamp_notAResponse_isRefusedAsSuch() {
    tsa.answer(LocalTsa.Answer.GARBAGE);

    assertThatThrownBy(() -> client.timestamp(TEXT))
        .isInstanceOf(TsaResponseException.class)
        .hasMessageContaining("5 bytes that are not a timestamp response");
  }

  @Test
  void builder_rejectsBadSettings() {
    assertThatThrownBy(() -> TimestampClient.builder().url(URI.create("ftp://tsa.example/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ftp://tsa.example/");
    assertThatThrownBy(() -> TimestampClient.builder().policy("not-an-oid"))
        .hasMessageContaining("not-an-oid");
    assertThatThrownBy(() -> TimestampClient.builder().timeout(Duration.ZERO))
        .hasMessageContaining("PT0S");
    assertThatThrownBy(() -> TimestampClient.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("url was not set");
  }
}
