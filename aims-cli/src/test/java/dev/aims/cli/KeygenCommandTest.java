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

  // ---- Errors about files name the file and what was expected ----

  @Test
  void keygen_outIsAFile_saysItIsNotADirectory(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("keys.txt"), "not a directory");
    Run r = run("keygen", "--name", "log", "--out", file.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "aims keygen: --out "
                + file
                + " is a file, not a directory; keygen writes NAME.skey and NAME.vkey into the"
                + " directory that --out names\n");
    assertThat(Files.readString(file)).isEqualTo("not a directory");
  }

  @Test
  void keygen_parentOfOutIsAFile_namesTheParent(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("keys.txt"), "x");
    Path out = file.resolve("sub").resolve("keys");
    Run r = run("keygen", "--name", "log", "--out", out.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "aims keygen: --out "
                + out
                + " cannot be created: its parent "
                + file
                + " is a file, not a directory\n");
  }

  @Test
  void keygen_missingParents_areCreated(@TempDir Path dir) {
    Path out = dir.resolve("a").resolve("b").resolve("keys");
    assertThat(run("keygen", "--name", "log", "--out", out.toString()).code()).isZero();
    assertThat(out.resolve("log.skey")).isRegularFile();
    assertThat(out.resolve("log.vkey")).isRegularFile();
  }

  @Test
  void keygen_existingKey_namesWhichKeyFileExists(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("log.vkey"), "someone else's key");
    Run r = run("keygen", "--name", "log", "--out", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "aims keygen: verifier key file "
                + dir.resolve("log.vkey")
                + " already exists and keygen never overwrites a key; remove it or choose"
                + " another --out\n");
    assertThat(dir.resolve("log.skey")).doesNotExist();
  }

  @Test
  void keygen_keyPathIsADirectory_saysSo(@TempDir Path dir) throws IOException {
    Files.createDirectory(dir.resolve("log.skey"));
    Run r = run("keygen", "--name", "log", "--out", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "aims keygen: signer key file "
                + dir.resolve("log.skey")
                + " is a directory, where the new key file was to be written; remove it or"
                + " choose another --out\n");
  }

  @Test
  void keygen_cannotWrite_namesTheFileAndTheReason(@TempDir Path dir) {
    // A file name longer than the file system allows: a write failure even for root.
    String longName = "k".repeat(300);
    Run r = run("keygen", "--name", longName, "--out", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .startsWith(
            "aims keygen: cannot write the signer key file " + dir.resolve(longName + ".skey"))
        .contains("File name too long");
    assertThat(r.out()).isEmpty();
  }
}
