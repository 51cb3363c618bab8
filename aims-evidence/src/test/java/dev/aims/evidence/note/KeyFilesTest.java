package dev.aims.evidence.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key files: owner-only signer keys, never overwritten, and messages that name the file. */
class KeyFilesTest {
  private static final NoteSigner SIGNER = NoteSigner.generate("example.com/aims/log");

  @TempDir Path dir;

  private static void assertOwnerOnly(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void fileName_replacesCharactersOutsideTheSafeSet() {
    assertThat(KeyFiles.fileName("example.com/aims/log")).isEqualTo("example.com_aims_log");
    assertThat(KeyFiles.fileName("a b+c_d-e.f")).isEqualTo("a_b_c_d-e.f");
  }

  @Test
  void write_writesAReadableKeyPair_theSignerKeyOwnerOnly() throws Exception {
    Path out = dir.resolve("a").resolve("keys");
    KeyFiles.Written w = KeyFiles.write(out, SIGNER);
    assertThat(w.signerKey()).isEqualTo(out.resolve("example.com_aims_log.skey"));
    assertThat(w.verifierKey()).isEqualTo(out.resolve("example.com_aims_log.vkey"));
    assertThat(Files.readString(w.signerKey())).isEqualTo(SIGNER.skey() + "\n");
    assertThat(NoteVerifier.parse(Files.readString(w.verifierKey()).strip()))
        .isEqualTo(SIGNER.verifier());
    assertOwnerOnly(w.signerKey());
  }

  @Test
  void write_neverOverwritesAKey_andNamesTheFile() throws Exception {
    Path vkey = Files.writeString(dir.resolve("example.com_aims_log.vkey"), "someone else's");
    KeyFileException e =
        catchThrowableOfType(KeyFileException.class, () -> KeyFiles.write(dir, SIGNER));
    assertThat(e.problem()).isEqualTo(KeyFileException.Problem.KEY_FILE_EXISTS);
    assertThat(e.path()).isEqualTo(vkey);
    assertThat(e).hasMessage("verifier key file " + vkey + " already exists");
    assertThat(Files.readString(vkey)).isEqualTo("someone else's");
    assertThat(dir.resolve("example.com_aims_log.skey")).doesNotExist();
  }

  @Test
  void write_intoAFile_saysItIsNotADirectory() throws Exception {
    Path file = Files.writeString(dir.resolve("keys"), "x");
    KeyFileException e =
        catchThrowableOfType(KeyFileException.class, () -> KeyFiles.write(file, SIGNER));
    assertThat(e.problem()).isEqualTo(KeyFileException.Problem.DIRECTORY_IS_A_FILE);
    assertThat(e).hasMessage(file + " is a file, not a directory");
  }

  @Test
  void write_belowAFile_namesTheParent() throws Exception {
    Path file = Files.writeString(dir.resolve("keys"), "x");
    Path out = file.resolve("sub");
    KeyFileException e =
        catchThrowableOfType(KeyFileException.class, () -> KeyFiles.write(out, SIGNER));
    assertThat(e.problem()).isEqualTo(KeyFileException.Problem.PARENT_IS_A_FILE);
    assertThat(e)
        .hasMessage(out + " cannot be created: its parent " + file + " is a file, not a directory");
  }

  @Test
  void write_whereAKeyFileIsADirectory_saysSo() throws Exception {
    Path skey = Files.createDirectory(dir.resolve("example.com_aims_log.skey"));
    KeyFileException e =
        catchThrowableOfType(KeyFileException.class, () -> KeyFiles.write(dir, SIGNER));
    assertThat(e.problem()).isEqualTo(KeyFileException.Problem.KEY_FILE_IS_A_DIRECTORY);
    assertThat(e)
        .hasMessage(
            "signer key file "
                + skey
                + " is a directory, where the new key file was to be written");
  }

  @Test
  void write_failing_namesTheFileAndTheReason_withoutKeyMaterial() {
    NoteSigner longName = NoteSigner.generate("k".repeat(300));
    KeyFileException e =
        catchThrowableOfType(KeyFileException.class, () -> KeyFiles.write(dir, longName));
    assertThat(e.problem()).isEqualTo(KeyFileException.Problem.CANNOT_WRITE);
    assertThat(e.getMessage())
        .startsWith("cannot write the signer key file " + dir.resolve("k".repeat(300) + ".skey"))
        .contains("File name too long")
        .doesNotContain(keyMaterial(longName));
    assertThat(e.reason()).isEqualTo("File name too long");
  }

  @Test
  void writeSecret_isOwnerOnly_andNeverOverwrites() throws Exception {
    Path secret = dir.resolve("secret");
    KeyFiles.writeSecret(secret, "s3cret\n");
    assertThat(Files.readString(secret)).isEqualTo("s3cret\n");
    assertOwnerOnly(secret);
    assertThat(
            catchThrowableOfType(
                FileAlreadyExistsException.class, () -> KeyFiles.writeSecret(secret, "other")))
        .isNotNull();
    assertThat(Files.readString(secret)).isEqualTo("s3cret\n");
  }

  // The base64 key after "PRIVATE+KEY+<name>+<hex8>+": base64 may itself hold '+', so the last '+'
  // does not mark where it starts (a key ending in '+' would leave nothing to look for).
  private static String keyMaterial(NoteSigner signer) {
    String prefix = "PRIVATE+KEY+" + signer.name() + "+";
    String key = signer.skey().substring(prefix.length() + 9);
    assertThat(key).hasSizeGreaterThan(40);
    return key;
  }
}
