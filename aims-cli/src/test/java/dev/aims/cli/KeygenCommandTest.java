package dev.aims.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.evidence.note.NoteSigner;
import dev.aims.evidence.note.NoteVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeygenCommandTest {
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Aims.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void keygen_writesASecretSignerKeyAndItsVerifierKey(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("keys");
    Run r = run("keygen", "--name", "example.com/aims/credit", "--out", out.toString());
    assertThat(r.code()).isZero();
    Path skey = out.resolve("example.com_aims_credit.skey");
    Path vkey = out.resolve("example.com_aims_credit.vkey");
    NoteSigner signer = NoteSigner.parse(Files.readString(skey));
    NoteVerifier verifier = NoteVerifier.parse(Files.readString(vkey));
    assertThat(signer.name()).isEqualTo("example.com/aims/credit");
    assertThat(signer.verifier()).isEqualTo(verifier);
    assertThat(r.out()).contains(verifier.vkey()).contains(skey.toString());
    assertThat(r.out()).doesNotContain(signer.skey());
    if (skey.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(skey)))
          .isEqualTo("rw-------");
    }
    // What it signs verifies with the written verifier key.
    assertThat(verifier.verify(signer.sign("hello\n"))).isEqualTo("hello\n");
  }

  @Test
  void keygen_neverOverwritesAKey(@TempDir Path dir) throws IOException {
    assertThat(run("keygen", "--name", "log", "--out", dir.toString()).code()).isZero();
    String before = Files.readString(dir.resolve("log.skey"));
    Run again = run("keygen", "--name", "log", "--out", dir.toString());
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("log.skey already exists");
    assertThat(Files.readString(dir.resolve("log.skey"))).isEqualTo(before);
  }

  @Test
  void keygen_rejectsAnInvalidNameNamingTheOption(@TempDir Path dir) {
    Run r = run("keygen", "--name", "bad name", "--out", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--name: key name \"bad name\" is not valid");
  }
}
