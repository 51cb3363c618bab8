package dev.aims.evidence.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aims.evidence.note.NoteException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The add-checkpoint request body, against tlog-witness's example and malformed variants. */
class AddCheckpointRequestTest {
  static final String SPEC_NOTE =
      "example.com/behind-the-sofa\n"
          + "20852163\n"
          + "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
          + "\n"
          + "\u2014 example.com/behind-the-sofa"
          + " Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n"
          + "\u2014 example.com/behind-the-sofa"
          + " opLqBQsREYCgu6xQkYQwJr9fo45a62DN9EdmHXnZdXNqlcVGlCum2Wks+49/V6267UEjw6QUXTS5Rovnzv++qbSzm9Q=\n";

  /** tlog-witness's example request body. */
  static final String SPEC_REQUEST =
      "old 20852014\n"
          + "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n"
          + "jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=\n"
          + "5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=\n"
          + "/6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=\n"
          + "\n"
          + SPEC_NOTE;

  private static AddCheckpointRequest parse(String body) {
    return AddCheckpointRequest.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void parse_readsTheSpecsExampleRequest() {
    AddCheckpointRequest r = parse(SPEC_REQUEST);
    assertThat(r.oldSize()).isEqualTo(20852014L);
    assertThat(r.proof()).hasSize(4);
    assertThat(Base64.getEncoder().encodeToString(r.proof().get(0)))
        .isEqualTo("PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=");
    assertThat(r.checkpoint().origin()).isEqualTo("example.com/behind-the-sofa");
    assertThat(r.checkpoint().size()).isEqualTo(20852163L);
    assertThat(r.signedNote()).isEqualTo(SPEC_NOTE);
    assertThat(NoteParts.of(r.signedNote()).signatures()).hasSize(2);
  }

  @Test
  void format_writesTheSpecsExampleRequestByteForByte() {
    AddCheckpointRequest r = parse(SPEC_REQUEST);
    assertThat(AddCheckpointRequest.format(r.oldSize(), r.proof(), r.signedNote()))
        .isEqualTo(SPEC_REQUEST);
  }

  @Test
  void parse_firstSubmission_hasOldZeroAndNoProof() {
    AddCheckpointRequest r = parse("old 0\n\n" + SPEC_NOTE);
    assertThat(r.oldSize()).isZero();
    assertThat(r.proof()).isEmpty();
  }

  @Test
  void parse_refusesMalformedBodies_namingTheLine() {
    assertThatThrownBy(() -> parse("old 01\n\n" + SPEC_NOTE))
        .isInstanceOf(NoteException.class)
        .hasMessage(
            "first line must be \"old <size>\" (a decimal without leading zeros), was \"old 01\"");
    assertThatThrownBy(() -> parse("new 1\n\n" + SPEC_NOTE))
        .hasMessageStartingWith("first line must be \"old <size>\"");
    assertThatThrownBy(() -> parse("old 1"))
        .hasMessage("request body has no old size line ending in a newline");
    assertThatThrownBy(() -> parse("old 9999999999999999999\n\n" + SPEC_NOTE))
        .hasMessageContaining("is too large");
    assertThatThrownBy(() -> parse("old 1\nnot base64!\n\n" + SPEC_NOTE))
        .hasMessage("consistency proof line 1 is not valid base64");
    assertThatThrownBy(() -> parse("old 1\nAAAA\n\n" + SPEC_NOTE))
        .hasMessage("consistency proof line 1 is 3 bytes, a hash is 32");
    assertThatThrownBy(() -> parse("old 1\nPlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n"))
        .hasMessage("request body has no blank line before the checkpoint");
    assertThatThrownBy(() -> parse("old 1\n\nhello\n\n\u2014 a AAAA\n"))
        .hasMessageContaining("checkpoint needs at least 3 lines");
    assertThatThrownBy(() -> parse("old 1\n\n" + SPEC_NOTE.replace("\n\n", "\n")))
        .hasMessageContaining("no blank line");
    byte[] notUtf8 = {'o', 'l', 'd', ' ', '0', '\n', '\n', (byte) 0xff, '\n'};
    assertThatThrownBy(() -> AddCheckpointRequest.parse(notUtf8))
        .hasMessage("request body is not valid UTF-8");
  }

  @Test
  void parse_refusesMoreThan63ProofLines() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      lines.add("PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=");
    }
    String body = "old 1\n" + String.join("\n", lines) + "\n\n" + SPEC_NOTE;
    assertThatThrownBy(() -> parse(body))
        .hasMessage("consistency proof has more than 63 lines, the most allowed");
    assertThat(
            parse("old 1\n" + String.join("\n", lines.subList(0, 63)) + "\n\n" + SPEC_NOTE).proof())
        .hasSize(63);
  }
}
