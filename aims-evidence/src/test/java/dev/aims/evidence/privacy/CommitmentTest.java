package dev.aims.evidence.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.core.validation.InvalidRecordException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommitmentTest {

  @Test
  void commitment_isTheSha256OfSaltAndCanonicalValue() throws Exception {
    Opening opening = Opening.create(Map.of("name", "Jane", "age", 41L));
    assertThat(opening.valueJson()).isEqualTo("{\"age\":41,\"name\":\"Jane\"}");
    assertThat(opening.salt()).hasSize(32);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(opening.salt());
    sha.update(opening.value());
    assertThat(opening.commitment().digest()).isEqualTo(HexFormat.of().formatHex(sha.digest()));
    assertThat(opening.commitment().isOpenedBy(opening)).isTrue();
  }

  @Test
  void theSameValue_getsADifferentSaltAndCommitmentEachTime() {
    Opening a = Opening.create("Jane");
    Opening b = Opening.create("Jane");
    assertThat(a.value()).isEqualTo(b.value());
    assertThat(a.salt()).isNotEqualTo(b.salt());
    assertThat(a.commitment()).isNotEqualTo(b.commitment());
    assertThat(a.commitment().isOpenedBy(b)).isFalse();
  }

  @Test
  void openingOfAnotherValue_doesNotOpenTheCommitment() {
    Opening real = Opening.create("Jane");
    Opening forged = new Opening(real.salt(), "\"John\"".getBytes(StandardCharsets.UTF_8));
    assertThat(real.commitment().isOpenedBy(forged)).isFalse();
  }

  @Test
  void leafForm_roundTripsAndBadDigestsAreRejected() {
    Commitment c = Opening.create(List.of("x", 1L)).commitment();
    assertThat(Commitment.parse(c.toString())).isEqualTo(c);
    assertThat(c.toString()).startsWith("sha256:").hasSize(7 + 64);
    assertThatThrownBy(() -> new Commitment("ABC"))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("digest")
        .hasMessageContaining("3 chars")
        .hasMessageNotContaining("ABC");
    assertThatThrownBy(() -> Commitment.parse("md5:" + "0".repeat(64)))
        .isInstanceOf(InvalidRecordException.class);
  }

  @Test
  void opening_neverPrintsItsValue() {
    assertThat(Opening.create("Jane Doe").toString()).doesNotContain("Jane");
    assertThat(ProtectedValue.plain("Jane Doe").toString()).doesNotContain("Jane");
  }

  @Test
  void redactedSummary_mustNotBeBlank() {
    assertThatThrownBy(() -> ProtectedValue.redacted(" "))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("summary");
  }
}
